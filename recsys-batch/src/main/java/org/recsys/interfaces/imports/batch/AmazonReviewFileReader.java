package org.recsys.interfaces.imports.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.recsys.domain.model.dataimport.DatasetFiles;
import org.recsys.ml.data.AmazonReview;
import org.recsys.ml.data.AmazonReviewReader;
import org.recsys.ml.data.RecordCursor;

/**
 * Reads Amazon review dumps (2014 or 2018 fields, plain or gzipped), one file or a folder of them. Rows repeating an
 * earlier (reviewer, product, time) in the same file are rejected as duplicates.
 */
@Named
@Dependent
public class AmazonReviewFileReader extends DatasetLineReader<AmazonReview> {

    @Override
    protected List<Path> files(Path source) {
        return DatasetFiles.amazonReviewFiles(source);
    }

    @Override
    protected RecordCursor<AmazonReview> open(Path file, long resumeAfterLine) throws IOException {
        return AmazonReviewReader.open(file, resumeAfterLine, true);
    }
}
