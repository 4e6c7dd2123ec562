/**
 * Feedback events: what a user did with an item (viewed, clicked, liked, rated, reviewed, bought, rejected), with an
 * optional value, free text, the recommendation it answers, and an idempotency key so retries store nothing twice.
 */
package org.recsys.domain.model.feedback;
