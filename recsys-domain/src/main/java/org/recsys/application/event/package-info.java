/**
 * Application events, fired inside the writing transaction and observed after it commits
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}), so that caches and models only ever see committed data.
 */
package org.recsys.application.event;
