package org.recsys.interfaces.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Console pages need a signed-in user; others are sent to the login page and brought back after signing in. */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleSignInFilter extends HttpFilter {

    static final String LOGIN_PAGE = "/console/login.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(LOGIN_PAGE) || ConsoleSignIn.user(request) != null) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(ConsoleSignIn.NEXT, request.getRequestURI()
                    + (query == null ? "" : "?" + query));
        }
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
    }
}
