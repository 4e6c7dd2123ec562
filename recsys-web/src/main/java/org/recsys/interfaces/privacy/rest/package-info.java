/** The right of access over REST: {@code GET /api/v1/users/{id}/export}, for operators. */
package org.recsys.interfaces.privacy.rest;
