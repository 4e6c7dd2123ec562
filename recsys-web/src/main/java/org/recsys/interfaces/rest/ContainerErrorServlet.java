package org.recsys.interfaces.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of every error the web container raises itself, before JAX-RS sees the request (an encoded slash,
 * backslash or dot in a path, a request it cannot parse, an uncaught exception): a problem document for the API, the
 * console's error page for everything else. Never the container's own page, which shows a Java stack trace.
 * Mapped in {@code web.xml}.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/container-error";
    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failedUri instanceof String s ? s : request.getRequestURI();
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            LOG.log(Level.WARNING, "The web container failed on a request for " + uri, t);
        }
        if (!uri.startsWith(request.getContextPath().replaceAll("/$", "") + "/api/")) {
            request.getRequestDispatcher("/error.xhtml").forward(request, response);
            return;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        ServletProblems.send(response, new Problem("about:blank", title, status, detail(status), null, null, null));
    }

    /** Says what is wrong without echoing the request: the path may hold anything a client sent. */
    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request line or a header is malformed: the path may not contain encoded '/', '\\', '.' "
                    + "or '#', invalid percent-encoding or control characters, and headers must fit the server's "
                    + "limits";
            case 404 -> "There is no resource at this path";
            case 405 -> "The method is not allowed on this path";
            case 413, 431 -> "The request or one of its headers is too large";
            default -> status >= 500 ? "The server failed to answer; the error is in its log" : "The request failed";
        };
    }
}
