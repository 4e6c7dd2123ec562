/**
 * Serving recommendations: the live catalogue of this member, the ranking strategies and the bandit that shares
 * traffic between them, the recommendation use case with its explanations, and the impression log.
 */
package org.recsys.application.serving;
