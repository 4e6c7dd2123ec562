package org.recsys.ml.data;

/**
 * A text with a class label, e.g. a ChnSentiCorp review with 1 = positive, 0 = negative.
 *
 * @param lineNumber 1-based line number where the record starts
 * @param label      label as written in the file
 * @param text       the text
 */
public record LabelledText(long lineNumber, String label, String text) { }
