package org.recsys.interfaces.imports.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.recsys.domain.model.dataimport.DatasetFiles;
import org.recsys.ml.data.MovieLensRating;
import org.recsys.ml.data.MovieLensReader;
import org.recsys.ml.data.RecordCursor;

/** Reads u.data: user, item, stars, time. */
@Named
@Dependent
public class MovieLensRatingReader extends DatasetLineReader<MovieLensRating> {

    @Override
    protected List<Path> files(Path source) {
        return DatasetFiles.movieLensFile(source, DatasetFiles.MOVIELENS_RATINGS).map(List::of).orElse(List.of());
    }

    @Override
    protected RecordCursor<MovieLensRating> open(Path file, long resumeAfterLine) throws IOException {
        return MovieLensReader.ratings(file, resumeAfterLine);
    }
}
