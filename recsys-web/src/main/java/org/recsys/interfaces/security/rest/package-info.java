/** Bearer API-key authentication of the partner API, with scope checks and problem+json answers. */
package org.recsys.interfaces.security.rest;
