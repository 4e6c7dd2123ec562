/**
 * Operational jobs (Jakarta Batch): which exist, starting, stopping and restarting them, their progress, their
 * reports, and the schedules that start them by themselves.
 */
package org.recsys.application.jobs;
