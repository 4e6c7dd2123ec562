/** REST resources for a user's profile: interest points and recent feedback, and free-text preferences. */
package org.recsys.interfaces.profile.rest;
