package org.recsys.interfaces.models.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.models.RatingService;
import org.recsys.application.models.SentimentService;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;

/** The review-sentiment model and the rating model, asked directly. */
@Path("")
@Tag(name = "models", description = "The sentiment and rating models, asked directly")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "No such model trained yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ModelResource {

    @Inject
    SentimentService sentiment;
    @Inject
    RatingService ratings;
    @Inject
    RequestValidation validation;

    @POST
    @Path("sentiment")
    @Operation(summary = "The sentiment of a text (negative, neutral or positive) with probabilities")
    @RequestBody(content = @Content(schema = @Schema(implementation = TextBody.class),
            examples = @ExampleObject(name = "review", value = "{\"text\": \"Broke after a week, very disappointing\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SentimentAnswer.class)))
    public SentimentAnswer sentiment(TextBody body) {
        validation.check(body);
        SentimentService.Judgement judgement = sentiment.judge(body.text());
        return new SentimentAnswer(judgement.prediction().label(), judgement.prediction().probabilities(),
                judgement.modelVersion());
    }

    @POST
    @Path("ratings/predict")
    @Operation(summary = "The stars a user would give an item",
            description = "Works for new users and items too, from their texts.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RatingQuestion.class),
            examples = @ExampleObject(name = "question", value = "{\"userId\": \"demo-user-001\", "
                    + "\"itemId\": \"demo-guitars-01\"}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RatingAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such user or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RatingAnswer predict(RatingQuestion body) {
        validation.check(body);
        RatingService.Prediction prediction = ratings.predict(body.userId(), body.itemId());
        return new RatingAnswer(body.userId(), body.itemId(), prediction.stars(), prediction.modelVersion());
    }

    @Schema(name = "TextBody")
    public record TextBody(@NotBlank @Size(max = 10000) String text) {
    }

    @Schema(name = "Sentiment")
    public record SentimentAnswer(@Schema(example = "NEGATIVE") String label,
                                  @Schema(example = "{\"NEGATIVE\": 0.91, \"NEUTRAL\": 0.06, \"POSITIVE\": 0.03}")
                                  Map<String, Double> probabilities,
                                  String modelVersion) {
    }

    @Schema(name = "RatingQuestion")
    public record RatingQuestion(@NotNull String userId, @NotNull String itemId) {
    }

    @Schema(name = "RatingPrediction")
    public record RatingAnswer(String userId, String itemId, @Schema(example = "4.2") double predictedStars,
                               String modelVersion) {
    }
}
