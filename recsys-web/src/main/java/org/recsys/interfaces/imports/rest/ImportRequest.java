package org.recsys.interfaces.imports.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportRequest")
public record ImportRequest(
        @NotBlank
        @Schema(description = "movielens-100k (a folder with u.data, u.item, u.user) or amazon-reviews (JSON lines, "
                + "optionally gzipped; a file or a folder of them)", example = "movielens-100k") String format,
        @NotBlank @Size(max = 2000)
        @Schema(description = "A file or folder on the server, inside one of the folders set by "
                + "recsys.import.roots", example = "/data/ml-100k") String path) {
}
