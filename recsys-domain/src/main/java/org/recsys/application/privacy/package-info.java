/**
 * A user's rights over their data: an export of everything held about them (GDPR article 15). Erasure (article 17)
 * is {@code UserService.erase}; how long each kind of record is kept is {@code application.retention}.
 */
package org.recsys.application.privacy;
