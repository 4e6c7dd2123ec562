package org.recsys.interfaces.jobs.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.recsys.application.InvalidInputException;
import org.recsys.application.jobs.JobDefinition;
import org.recsys.application.jobs.JobReports;
import org.recsys.application.jobs.JobRun;
import org.recsys.application.jobs.JobScheduler;
import org.recsys.application.jobs.JobService;
import org.recsys.domain.model.jobreport.JobReport;
import org.recsys.domain.model.schedule.JobSchedule;
import org.recsys.interfaces.rest.Problem;
import org.recsys.interfaces.rest.RequestValidation;
import org.recsys.interfaces.security.rest.Operations;

/** The operational jobs: what exists, what runs, how far it is, when it runs by itself and what it reported. */
@Operations
@Path("jobs")
@Tag(name = "jobs", description = "Batch jobs: start, stop, restart, progress, schedules and reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such job or execution",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JobResource {

    static final int RECENT = 5;

    @Inject
    JobService jobs;
    @Inject
    JobScheduler scheduler;
    @Inject
    JobReports reports;
    @Inject
    RequestValidation validation;
    @jakarta.ws.rs.core.Context
    UriInfo uri;

    @GET
    @Operation(summary = "Every job with its schedule and newest executions (with progress)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobList.class)))
    public JobList list() {
        Map<String, JobSchedule> schedules = scheduler.all().stream().collect(Collectors.toMap(JobSchedule::jobName,
                Function.identity()));
        return new JobList(Arrays.stream(JobDefinition.values()).map(d -> new JobDescription(d.jobName(),
                d.description(), d.startable(), ScheduleView.of(schedules.get(d.jobName())),
                jobs.recent(d.jobName(), RECENT))).toList());
    }

    @POST
    @Path("{name}/executions")
    @Operation(summary = "Start a job now", description = "Answers at once; watch the execution for progress. "
            + "cluster-interests looks only at users with feedback since its last completed run unless scope=all.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "400", description = "The job needs a file (imports), or a scope it does not take",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@PathParam("name") String name,
                          @Parameter(description = "cluster-interests only: all (every user) or changed (default)")
                          @QueryParam("scope") String scope) {
        JobRun run = jobs.start(name, scope);
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("jobs/executions/{id}")
                .build(run.executionId())).build();
    }

    @GET
    @Path("executions/{id}")
    @Operation(summary = "One job execution: status, step, items done and to do")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobRun.class)))
    public JobRun execution(@PathParam("id") String id) {
        return jobs.run(executionId(id));
    }

    @POST
    @Path("executions/{id}/stop")
    @Operation(summary = "Stop a running execution at its next checkpoint")
    @APIResponse(responseCode = "202", description = "Stopping", content = @Content(schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "409", description = "It is not running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stop(@PathParam("id") String id) {
        return Response.accepted(jobs.stop(executionId(id))).build();
    }

    @POST
    @Path("executions/{id}/restart")
    @Operation(summary = "Restart a stopped or failed execution from its last checkpoint",
            description = "Creates a new execution of the same job instance; nothing committed is written twice.")
    @APIResponse(responseCode = "202", description = "Restarted as a new execution", content = @Content(schema = @Schema(implementation = JobRun.class)))
    @APIResponse(responseCode = "409", description = "It completed, or a newer execution exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restart(@PathParam("id") String id) {
        JobRun run = jobs.restart(executionId(id));
        return Response.accepted(run).location(uri.getBaseUriBuilder().path("jobs/executions/{id}")
                .build(run.executionId())).build();
    }

    @GET
    @Path("{name}/schedule")
    @Operation(summary = "A job's schedule")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    public ScheduleView schedule(@PathParam("name") String name) {
        known(name);
        return scheduler.of(name).map(ScheduleView::of).orElseThrow(() ->
                new org.recsys.application.UnknownEntityException("schedule of job", name));
    }

    @PUT
    @Path("{name}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a job's schedule (cron in UTC; seconds optional)",
            description = "Takes effect at the next scheduler tick on every member; one member starts each run.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScheduleChange.class),
            examples = @ExampleObject(name = "nightly", value = "{\"cron\": \"0 3 * * *\", \"enabled\": true}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", description = "Not a cron expression",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScheduleView changeSchedule(@PathParam("name") String name, ScheduleChange body) {
        validation.check(body);
        return ScheduleView.of(scheduler.change(name, body.cron(), body.enabled()));
    }

    @GET
    @Path("{name}/reports/latest")
    @Operation(summary = "The newest report of a job (clean-data: data quality; evaluate: model metrics)")
    @APIResponse(responseCode = "200", description = "The report, as the job wrote it")
    public Response latestReport(@PathParam("name") String name) {
        JobReport report = reports.latest(name);
        try (JsonReader reader = Json.createReader(new StringReader(report.body()))) {
            JsonObject body = reader.readObject();
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        }
    }

    private static void known(String name) {
        JobDefinition.byName(name).orElseThrow(() -> new org.recsys.application.UnknownEntityException("job", name));
    }

    private static long executionId(String id) {
        long executionId;
        try {
            executionId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("id", "must be a job execution id (a number)");
        }
        if (executionId < 1) {
            // Execution ids start at 1; asking the batch runtime would only make it record an incident.
            throw new org.recsys.application.UnknownEntityException("job execution", id);
        }
        return executionId;
    }

    @Schema(name = "JobList")
    public record JobList(List<JobDescription> jobs) {
    }

    @Schema(name = "Job")
    public record JobDescription(@Schema(example = "train-models") String name, String description,
                                 @Schema(description = "Whether POST /jobs/{name}/executions can start it")
                                 boolean startable,
                                 ScheduleView schedule,
                                 @Schema(description = "Newest executions first") List<JobRun> executions) {
    }

    @Schema(name = "JobSchedule")
    public record ScheduleView(@Schema(example = "0 3 * * *") String cron, boolean enabled, Instant nextRun,
                               Instant lastRun, Long lastExecutionId) {
        static ScheduleView of(JobSchedule schedule) {
            return schedule == null ? null : new ScheduleView(schedule.cron(), schedule.enabled(),
                    schedule.nextRun(), schedule.lastRun(), schedule.lastExecutionId());
        }
    }

    @Schema(name = "JobScheduleChange")
    public record ScheduleChange(@NotBlank @Schema(example = "0 3 * * *") String cron,
                                 @NotNull Boolean enabled) {
    }
}
