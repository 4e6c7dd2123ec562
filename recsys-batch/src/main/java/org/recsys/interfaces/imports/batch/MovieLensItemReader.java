package org.recsys.interfaces.imports.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.recsys.domain.model.dataimport.DatasetFiles;
import org.recsys.ml.data.MovieLensMovie;
import org.recsys.ml.data.MovieLensReader;
import org.recsys.ml.data.RecordCursor;

/** Reads u.item (Latin-1), with genre names from u.genre when present. */
@Named
@Dependent
public class MovieLensItemReader extends DatasetLineReader<MovieLensMovie> {

    private List<String> genres = MovieLensReader.DEFAULT_GENRES;

    @Override
    protected List<Path> files(Path source) {
        return DatasetFiles.movieLensFile(source, DatasetFiles.MOVIELENS_ITEMS).map(List::of).orElse(List.of());
    }

    @Override
    protected RecordCursor<MovieLensMovie> open(Path file, long resumeAfterLine) throws IOException {
        var genreFile = DatasetFiles.movieLensFile(file, DatasetFiles.MOVIELENS_GENRES);
        if (genreFile.isPresent()) {
            genres = MovieLensReader.readGenres(genreFile.get());
        }
        return MovieLensReader.movies(file, genres, resumeAfterLine);
    }
}
