/** Partner API keys: a hashed secret, a scope (read or write) and whether it was revoked. */
package org.recsys.domain.model.apikey;
