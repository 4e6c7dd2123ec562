/**
 * Dataset imports: a request to load a public dataset file from the server's disk, its running counts, and the first
 * rejected lines with the reason each was rejected. The work itself is a Jakarta Batch job in {@code recsys-batch}.
 */
package org.recsys.domain.model.dataimport;
