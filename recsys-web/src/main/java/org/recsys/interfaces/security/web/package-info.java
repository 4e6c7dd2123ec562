/**
 * Console sign-in with Jakarta Security (custom form mechanism and an identity store over the console users),
 * role checks, and the security headers every response carries.
 */
package org.recsys.interfaces.security.web;
