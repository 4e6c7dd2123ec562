package org.recsys.application;

/**
 * What erasing a user removed.
 *
 * @param reports        job reports from which examples naming the user were removed
 * @param modelsToPurge  whether stored rating models may hold the user (they rated items): the next
 *                       {@code complete-erasures} run retrains without them and purges the older versions
 */
public record Erasure(String userId, int feedbackEvents, int impressions, boolean profile, int reports,
                      boolean modelsToPurge) {
}
