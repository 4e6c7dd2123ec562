package org.recsys.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.recsys.application.FieldError;

/**
 * Refuses an API query string that cannot be decoded (a '%' without two hex digits, bytes that are not UTF-8) or that
 * decodes to control characters, with a 400 naming {@code query}. The web container passes such query strings on, and
 * JAX-RS fails on them while building the request URI (a 500), or hands a NUL to the database.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class QueryStringFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        Optional<String> problem = query == null ? Optional.empty() : problem(query);
        if (problem.isPresent()) {
            ServletProblems.send(response, Problem.invalid(List.of(new FieldError("query", problem.get())),
                    "query: " + problem.get(), request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<String> problem(String query) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                        || Character.digit(query.charAt(i + 2), 16) < 0) {
                    return Optional.of("has a '%' at position " + i + " that is not followed by two hex digits; "
                            + "encode a literal '%' as %25");
                }
                decoded.write(Character.digit(query.charAt(i + 1), 16) * 16 + Character.digit(query.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x20 || c == 0x7f || c > 0xff) {
                return Optional.of("has a character that must be percent-encoded at position " + i);
            } else {
                // Printable ASCII, or a raw byte of UTF-8 text that the container read as ISO-8859-1.
                decoded.write(c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.of("does not decode to UTF-8 text");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("holds a control character (such as %00)");
        }
        return Optional.empty();
    }
}
