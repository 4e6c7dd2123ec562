package org.recsys.interfaces.imports.batch;

import jakarta.batch.runtime.context.JobContext;
import java.nio.file.Path;
import org.recsys.application.DatasetImportService;

/** The job parameters every import job receives from {@link DatasetImportService}. */
record ImportParameters(long importId, Path path) {

    static ImportParameters of(JobContext job) {
        var properties = job.getProperties();
        return new ImportParameters(Long.parseLong(properties.getProperty(DatasetImportService.IMPORT_ID)),
                Path.of(properties.getProperty(DatasetImportService.PATH)));
    }
}
