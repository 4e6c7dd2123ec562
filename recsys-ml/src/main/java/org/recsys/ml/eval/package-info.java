/**
 * The evaluation harness ({@link org.recsys.ml.eval.EvaluationCommand}): k-fold rating prediction, sentiment,
 * top-N with a time-ordered hold-out, encoder throughput and serving latency, every model next to its baselines on
 * the same splits in the same run; results as a text table, JSON and SVG bar charts.
 */
package org.recsys.ml.eval;
