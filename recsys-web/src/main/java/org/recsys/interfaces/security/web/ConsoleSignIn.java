package org.recsys.interfaces.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who is signed in to the console: the user name kept in the HTTP session. The console does its own sign-in instead
 * of the container's, so that container security stays off the partner API's path and off the application's own
 * batch calls (docs/operations.md#security).
 */
final class ConsoleSignIn {

    static final String USER = "recsys.console.user";
    static final String NEXT = "recsys.console.next";

    private ConsoleSignIn() {
    }

    static String user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(USER);
    }

    /** Signs the user in on a new session id (no session fixation); returns the page asked for before, if any. */
    static String signIn(HttpServletRequest request, String username) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        String next = (String) session.getAttribute(NEXT);
        session.removeAttribute(NEXT);
        session.setAttribute(USER, username);
        return next;
    }
}
