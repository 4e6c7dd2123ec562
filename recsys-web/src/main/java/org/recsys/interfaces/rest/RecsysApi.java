package org.recsys.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner REST API, version 1. */
@ApplicationPath("/api/v1")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: READ keys may read, WRITE keys may also write partner data, OPERATE keys may "
                + "also run imports, jobs, models, experiments and read /status. Admins create and revoke keys in "
                + "the console (/console/keys.xhtml).")
@OpenAPIDefinition(security = @SecurityRequirement(name = "apiKey"),
info = @Info(title = "recsys partner API", version = "1",
        description = "Send users, items and feedback; read explained recommendations. Errors are "
                + "application/problem+json (RFC 9457) and name every field at fault in `errors`.",
        license = @License(name = "Apache-2.0")),
        tags = {
            @Tag(name = "users", description = "Users as the partner system knows them"),
            @Tag(name = "items", description = "The catalogue"),
            @Tag(name = "feedback", description = "Clicks, ratings, reviews and the rest"),
            @Tag(name = "recommendations", description = "Explained recommendations, similar items, experiments"),
            @Tag(name = "models", description = "The sentiment and rating models, asked directly"),
            @Tag(name = "imports", description = "Bulk import of public datasets from the server's disk"),
            @Tag(name = "operations", description = "Health details for operators (scope OPERATE)")
        })
public class RecsysApi extends Application {
}
