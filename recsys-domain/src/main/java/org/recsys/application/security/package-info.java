/**
 * Who may use the console and the partner API: console users with roles, hashed and revocable API keys, and the
 * credentials created on first start (demo mode) or from configuration.
 */
package org.recsys.application.security;
