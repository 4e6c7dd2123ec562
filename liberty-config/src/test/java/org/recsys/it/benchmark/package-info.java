/**
 * Benchmarks against the running server. They are not part of the test suite (their names do not end in IT); run
 * them with the command in docs/benchmarks.md. Each number is reported next to a baseline measured in the same run.
 */
package org.recsys.it.benchmark;
