/**
 * Console sign-in (a login form checking the console users' PBKDF2 hashes, the signed-in user kept in the HTTP
 * session, a filter guarding the console pages), role checks, and the security headers every response carries.
 */
package org.recsys.interfaces.security.web;
