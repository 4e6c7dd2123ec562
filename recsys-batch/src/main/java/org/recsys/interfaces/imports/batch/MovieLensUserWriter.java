package org.recsys.interfaces.imports.batch;

import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.application.UpsertOutcome;
import org.recsys.application.UserDraft;
import org.recsys.application.UserService;
import org.recsys.ml.data.MovieLensUser;

/** MovieLens users with their demographic attributes. */
@Named
@Dependent
public class MovieLensUserWriter extends DatasetImportWriter<MovieLensUser> {

    @Inject
    UserService users;

    @Override
    protected Result store(List<ImportLine<MovieLensUser>> accepted) {
        List<UserDraft> drafts = accepted.stream().map(line -> draft(line.parsed().record())).toList();
        UpsertOutcome outcome = users.replaceAll(drafts, MovieLensItemWriter.SOURCE);
        return new Result(outcome.created() + outcome.updated(), List.of());
    }

    private static UserDraft draft(MovieLensUser user) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("age", Integer.toString(user.age()));
        attributes.put("gender", user.gender());
        attributes.put("occupation", user.occupation());
        attributes.put("zipCode", user.zipCode());
        return new UserDraft(user.userId(), attributes, null);
    }
}
