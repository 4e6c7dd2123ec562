/**
 * The operational jobs' batch artifacts (clean-data, embed-backfill, train-models, cluster-interests, evaluate):
 * small readers, writers and batchlets that page through the database and hand each chunk to the application layer.
 * Readers checkpoint the key of the last item of the last committed chunk, so a restart goes on from there.
 */
package org.recsys.interfaces.operations.batch;
