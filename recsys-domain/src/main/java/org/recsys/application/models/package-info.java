/**
 * The models behind serving: the active rating model and review-sentiment model of this member, training them from
 * the stored feedback, and the use cases that ask them (predicted stars, the sentiment of a text).
 */
package org.recsys.application.models;
