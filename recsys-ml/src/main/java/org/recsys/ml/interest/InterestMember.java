package org.recsys.ml.interest;

/**
 * One thing that says something about a user's taste: a liked item, or a text the user wrote.
 *
 * @param itemId item id, or {@code null} for the user's own text
 * @param vector unit-length text vector
 * @param text   the text behind the vector (item title/description, review, comment), used for tags
 * @param weight how strongly it counts (e.g. feedback weight), positive
 */
public record InterestMember(String itemId, float[] vector, String text, double weight) { }
