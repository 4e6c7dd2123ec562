/**
 * Streaming readers for the public datasets the platform imports: MovieLens 100K, Amazon review dumps (2014 and
 * 2018 field sets, plain or gzipped JSON lines), ChnSentiCorp CSV and the Douban DMR sample.
 * <p>
 * Every reader is a pull cursor ({@link org.recsys.ml.data.RecordCursor}) so a batch import can checkpoint the line
 * number it reached and resume after it. Malformed input never throws: it comes back as a
 * {@link org.recsys.ml.data.RejectedRecord} carrying the line number, the reason and the raw text.
 */
package org.recsys.ml.data;
