/**
 * Online profile updates: moving a user's profile vector (or the nearest of their interest points) towards or
 * away from an item after each piece of feedback, {@code e_u <- e_u + alpha * w * (e_i - e_u)}. Cheap enough to
 * run on every feedback event.
 */
package org.recsys.ml.profile;
