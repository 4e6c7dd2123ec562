package org.recsys.ml.rating;

/**
 * Text vectors to use for one training rating, when they differ from the serving vectors: a text built from
 * reviews must leave the rating's own review out, or the model learns to read the answer from the question.
 */
public interface TrainingTextVectors {

    /** Raw text vector of the record's item as seen by this training record, or {@code null}. */
    float[] itemVector(RatingRecord record);

    /** Raw text vector of the record's user as seen by this training record, or {@code null}. */
    float[] userVector(RatingRecord record);
}
