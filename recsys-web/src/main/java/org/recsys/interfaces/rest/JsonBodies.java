package org.recsys.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.FieldError;
import org.recsys.application.InvalidInputException;

/**
 * Guards every request body: refuses bodies over the limit with 413 (by Content-Length before reading, and while
 * reading for chunked bodies), refuses empty bodies, and checks the JSON against the target type before JSON-B binds
 * it, so malformed JSON, unknown fields and wrong types give a 400 naming each field at fault.
 */
@Provider
@ApplicationScoped
public class JsonBodies implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "recsys.api.max-body-bytes", defaultValue = "33554432")
    long maxBodyBytes;
    @Inject
    RequestValidation validation;

    @Override
    public void filter(ContainerRequestContext request) {
        // The header itself, not getLength(): that is an int, and -1 for a declared length beyond 2 GiB. (Of several
        // Content-Length lines Liberty passes on only one; a comma-separated list is seen here.)
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null || header.isBlank()) {
            return;
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        java.util.Arrays.stream(header.split(",")).map(String::strip).forEach(declared::add);
        if (declared.size() > 1) {
            // Two lengths for one body: whichever a proxy believed, the body we read may not be the one it sent.
            throw new InvalidInputException(HttpHeaders.CONTENT_LENGTH, "is sent with different values " + declared
                    + "; send one");
        }
        String value = declared.iterator().next();
        if (!value.matches("\\d{1,18}")) {
            throw new InvalidInputException(HttpHeaders.CONTENT_LENGTH, "must be a whole number of bytes");
        }
        if (Long.parseLong(value) > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), maxBodyBytes);
        if (body.length == 0) {
            throw new InvalidInputException("body", "is required: send a JSON document");
        }
        // JSON-B quietly turns numbers into strings; the API promises a 400 for every wrong type instead.
        JsonShape.Checked shape = JsonShape.check(body, context.getGenericType());
        if (!shape.errors().isEmpty()) {
            throw new InvalidInputException(withTheRestOf(shape, context));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        Object bound;
        try {
            bound = context.proceed();
        } catch (InvalidInputException | PayloadTooLargeException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new InvalidInputException("body", "does not match the expected document");
        }
        if (bound == null) {
            throw new InvalidInputException("body", "is required: send a JSON document");
        }
        return bound;
    }

    /**
     * The shape errors and, where the rest of the document can be bound, every other error of it (validation and the
     * batch rules), so that one answer lists all that is wrong rather than one kind at a time.
     */
    private List<FieldError> withTheRestOf(JsonShape.Checked shape, ReaderInterceptorContext context) {
        List<FieldError> all = new java.util.ArrayList<>(shape.errors());
        jakarta.json.JsonValue rest = shape.withoutFaults();
        if (rest == null) {
            return all;
        }
        try {
            context.setInputStream(new ByteArrayInputStream(rest.toString().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            Object bound = context.proceed();
            if (bound != null) {
                validation.problems(bound, true).stream().filter(e -> !shape.covers(e.field())).forEach(all::add);
            }
        } catch (RuntimeException | IOException e) {
            // The rest does not bind either: the shape errors are the answer.
        }
        return RequestValidation.sorted(all);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new PayloadTooLargeException(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
