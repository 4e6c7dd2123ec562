/**
 * Impressions: every list of recommendations that was shown, under a recommendation id, so that later feedback can
 * be attributed to what was shown and to the strategy that produced it.
 */
package org.recsys.domain.model.impression;
