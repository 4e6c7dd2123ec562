/**
 * Keeping user profiles current: every piece of feedback moves its user's profile in the feedback's own
 * transaction; the new version reaches every cluster member after commit; interest points are computed when enough
 * new likes have arrived; free-text preferences move a profile the same way.
 */
package org.recsys.application.profile;
