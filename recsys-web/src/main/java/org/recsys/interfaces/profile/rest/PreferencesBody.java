package org.recsys.interfaces.profile.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreferencesBody")
public record PreferencesBody(
        @NotBlank @Size(max = 2000)
        @Schema(description = "What the user wants more and less of; clauses starting with no, not, fewer, less or "
                + "without move the profile away", example = "more jazz guitar, no cables") String text) {
}
