/**
 * User profiles: what the recommender has learnt about a user (a profile vector, interest points with tags, recent
 * likes, consumed and rejected items), how a piece of feedback changes it, and how it is stored.
 */
package org.recsys.domain.model.profile;
