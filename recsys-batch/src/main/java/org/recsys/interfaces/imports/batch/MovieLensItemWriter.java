package org.recsys.interfaces.imports.batch;

import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.application.ItemDraft;
import org.recsys.application.ItemService;
import org.recsys.application.UpsertOutcome;
import org.recsys.domain.model.dataimport.ImportFormat;
import org.recsys.domain.model.item.ItemDescription;
import org.recsys.domain.model.shared.RecordSource;
import org.recsys.ml.data.MovieLensMovie;

/** Movies become items: the title as given, genres as categories and as part of the description. */
@Named
@Dependent
public class MovieLensItemWriter extends DatasetImportWriter<MovieLensMovie> {

    static final String SOURCE = RecordSource.imported(ImportFormat.MOVIELENS_100K.id());

    @Inject
    ItemService items;

    @Override
    protected Result store(List<ImportLine<MovieLensMovie>> accepted) {
        List<ItemDraft> drafts = accepted.stream().map(line -> draft(line.parsed().record())).toList();
        UpsertOutcome outcome = items.replaceAll(drafts, SOURCE);
        return new Result(outcome.created() + outcome.updated(), List.of());
    }

    static ItemDraft draft(MovieLensMovie movie) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!movie.releaseDate().isBlank()) {
            attributes.put("releaseDate", movie.releaseDate());
        }
        if (!movie.imdbUrl().isBlank()) {
            attributes.put("imdbUrl", movie.imdbUrl());
        }
        String description = movie.genres().isEmpty() ? null
                : "Genres: " + String.join(", ", movie.genres()) + ".";
        return new ItemDraft(movie.itemId(),
                new ItemDescription(movie.title(), description, movie.genres(), attributes));
    }
}
