/**
 * What every REST resource shares: the JAX-RS application at {@code /api/v1}, the JSON-B configuration, request body
 * limits, request validation, cursors, and the mapping of every failure to an RFC 9457 problem document.
 */
package org.recsys.interfaces.rest;
