/**
 * The user aggregate: a person the partner system knows by its own id, with free-form attributes and an optional
 * text in their own words about what they like.
 */
package org.recsys.domain.model.user;
