/**
 * Experiments: ranking strategies run side by side; for each, how many recommendation lists were shown and how much
 * positive feedback they earned.
 */
package org.recsys.domain.model.experiment;
