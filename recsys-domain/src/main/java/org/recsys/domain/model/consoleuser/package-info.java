/** People who sign in to the admin console, with one role each. */
package org.recsys.domain.model.consoleuser;
