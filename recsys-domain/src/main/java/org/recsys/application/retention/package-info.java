/**
 * How long each kind of record is kept. The {@code apply-retention} job (recsys-batch) deletes what is older, a
 * chunk at a time; the aggregates serving needs (profiles, strategy statistics, popularity) are kept.
 */
package org.recsys.application.retention;
