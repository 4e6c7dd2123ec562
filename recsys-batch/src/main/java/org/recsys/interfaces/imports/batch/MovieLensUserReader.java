package org.recsys.interfaces.imports.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.recsys.domain.model.dataimport.DatasetFiles;
import org.recsys.ml.data.MovieLensReader;
import org.recsys.ml.data.MovieLensUser;
import org.recsys.ml.data.RecordCursor;

/** Reads u.user when present; without it, users are created by their first rating. */
@Named
@Dependent
public class MovieLensUserReader extends DatasetLineReader<MovieLensUser> {

    @Override
    protected List<Path> files(Path source) {
        return DatasetFiles.movieLensFile(source, DatasetFiles.MOVIELENS_USERS).map(List::of).orElse(List.of());
    }

    @Override
    protected RecordCursor<MovieLensUser> open(Path file, long resumeAfterLine) throws IOException {
        return MovieLensReader.users(file, resumeAfterLine);
    }
}
