package org.recsys.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem document from servlet code (filters and error pages), where JAX-RS does not answer. */
final class ServletProblems {

    private static final Jsonb JSONB = new JsonbConfiguration().getContext(Problem.class);

    private ServletProblems() {
    }

    static void send(HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
