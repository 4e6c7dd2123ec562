package org.recsys.ml.topn;

/** Fits an item-item model to interactions with fixed settings (the settings are chosen by {@link TopNTrainer}). */
public interface ItemItemTrainer {

    /** The fitted model; never null (a model with no weights when there is nothing to learn from). */
    ItemItemModel fit(Interactions interactions);

    /** Short name with the settings, e.g. {@code EASE(lambda=200)}. */
    String describe();
}
