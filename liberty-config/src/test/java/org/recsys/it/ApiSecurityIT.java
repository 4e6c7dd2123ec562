package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.ConsoleSession;
import org.recsys.it.support.RecsysServer;

/**
 * Who may call what: the partner API needs a bearer key of the right scope, the console a signed-in user; health,
 * metrics and the OpenAPI document stay public; every response carries the security headers.
 */
@ExtendWith(RecsysServer.class)
class ApiSecurityIT {

    private final String prefix = "it-sec-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    private static ConsoleSession admin(RecsysServer.Running server) {
        Map<String, String> demo = ConsoleSession.demoCredentials(server.server());
        return ConsoleSession.signedIn(server.server().baseUri(), demo.get("user"), demo.get("password"));
    }

    private static void assertProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    }

    @Test
    void noKeyGives401WithABearerChallenge(Api api) {
        Api.Answer read = api.anonymous().get("items?limit=1");
        assertProblem(read, 401);
        assertThat(read.wwwAuthenticate()).startsWith("Bearer");
        assertThat(read.json().path("detail").asText()).contains("Authorization: Bearer");

        Api.Answer write = api.anonymous().put("users/" + prefix + "anon", Map.of("preferenceText", "jazz"));
        assertProblem(write, 401);
        // Nothing was written: the user does not exist.
        assertThat(api.get("users/" + prefix + "anon").status()).isEqualTo(404);
    }

    @Test
    void anUnknownKeyGives401(Api api) {
        Api.Answer answer = api.withKey("rsk_000000000000_not-a-real-secret").get("items?limit=1");
        assertProblem(answer, 401);
        assertThat(answer.wwwAuthenticate()).contains("invalid_token");
    }

    @Test
    void theRunsKeyIsAcceptedForReadsAndWrites(Api api) {
        assertThat(api.get("items?limit=1").status()).isEqualTo(200);
        Api.Answer put = api.put("users/" + prefix + "writer", Map.of("preferenceText", "folk guitar"));
        assertThat(put.status()).as(put.toString()).isIn(200, 201);
    }

    @Test
    void aReadKeyReadsButAWriteGives403(RecsysServer.Running server, Api api) {
        String token = admin(server).createKey(prefix + "reader", "READ");
        Api reader = api.withKey(token);

        assertThat(reader.get("items?limit=1").status()).isEqualTo(200);
        Api.Answer write = reader.put("users/" + prefix + "by-reader", Map.of("preferenceText", "drums"));
        assertProblem(write, 403);
        assertThat(write.json().path("detail").asText()).contains("WRITE");
        assertThat(api.get("users/" + prefix + "by-reader").status()).isEqualTo(404);
    }

    @Test
    void operationsWorkNeedsAnOperateKey(RecsysServer.Running server, Api api) {
        ConsoleSession admin = admin(server);
        Api partner = api.withKey(admin.createKey(prefix + "partner-ops", "WRITE"));
        Api operator = api.withKey(admin.createKey(prefix + "operator", "OPERATE"));

        String scheduleBefore = operator.get("jobs/train-models/schedule").body();
        // A partner's WRITE key writes partner data but may neither run nor read operations work.
        assertThat(partner.put("users/" + prefix + "p", Map.of("preferenceText", "jazz")).status()).isEqualTo(201);
        for (Api.Answer refused : java.util.List.of(partner.get("jobs"), partner.get("models"),
                partner.get("experiments"), partner.get("imports/1"),
                partner.post("jobs/no-such-job/executions", Map.of()),
                partner.post("models/topn/rollback", Map.of()),
                partner.post("imports", Map.of("format", "movielens-100k", "path", "x")),
                partner.put("jobs/train-models/schedule", Map.of("cron", "0 3 * * *")))) {
            assertProblem(refused, 403);
            assertThat(refused.json().path("detail").asText()).contains("OPERATE");
            assertThat(refused.wwwAuthenticate()).contains("scope=\"operate\"");
        }
        assertThat(operator.get("jobs/train-models/schedule").body()).as("the refused schedule change is not stored")
                .isEqualTo(scheduleBefore);

        // The same paths answer an OPERATE key; its writes are allowed too.
        assertThat(operator.get("jobs").status()).isEqualTo(200);
        assertThat(operator.get("models").status()).isEqualTo(200);
        assertThat(operator.get("experiments").status()).isEqualTo(200);
        assertThat(operator.put("users/" + prefix + "o", Map.of("preferenceText", "folk")).status()).isEqualTo(201);
    }

    @Test
    void errorsTheWebContainerRaisesItselfAreProblemDocumentsWithoutAStackTrace(Api api) {
        for (String path : java.util.List.of("users/a%2Fb", "users/a%5Cb", "users/%2E%2E", "users/%2e")) {
            for (String method : java.util.List.of("GET", "DELETE")) {
                Api.Answer answer = api.raw(method, path, java.util.List.of(), "");
                assertThat(answer.status()).as(method + " " + path + ": " + answer).isEqualTo(400);
                assertThat(answer.contentType()).as(method + " " + path).startsWith("application/problem+json");
                assertThat(answer.json().path("status").asInt()).isEqualTo(400);
                assertThat(answer.body()).doesNotContain("at com.").doesNotContain("Exception").doesNotContain(path);
            }
        }
        // Outside the API the console's own error page answers, also without a stack trace.
        Api.Answer console = api.anonymous().raw("GET", "/console/a%2Fb", java.util.List.of(), "");
        assertThat(console.status()).isEqualTo(400);
        assertThat(console.contentType()).startsWith("text/html");
        assertThat(console.body()).doesNotContain("at com.").doesNotContain("Exception");
    }

    @Test
    void aKeyWorksAtOnceAndARevokedKeyGives401(RecsysServer.Running server, Api api) {
        ConsoleSession admin = admin(server);
        String token = admin.createKey(prefix + "partner", "WRITE");
        Api partner = api.withKey(token);
        Api.Answer put = partner.put("users/" + prefix + "partner-user", Map.of("preferenceText", "synth pop"));
        assertThat(put.status()).as(put.toString()).isIn(200, 201);

        HttpResponse<String> revoked = admin.revokeKey(ConsoleSession.keyId(token));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).contains("Revoked key " + ConsoleSession.keyId(token));

        Api.Answer after = partner.get("items?limit=1");
        assertProblem(after, 401);
        assertThat(after.wwwAuthenticate()).startsWith("Bearer");
    }

    @Test
    void healthShowsItsDetailsOnlyToOperators(RecsysServer.Running server, Api api) {
        Api.Answer publicHealth = api.anonymous().get("/health");
        assertThat(publicHealth.status()).isEqualTo(200);
        assertThat(publicHealth.json().path("checks").findValuesAsText("name")).contains("catalogue", "database");
        assertThat(publicHealth.json().findValues("data")).as("no details in the public answer: " + publicHealth)
                .allMatch(data -> data.isEmpty());
        assertThat(publicHealth.body()).doesNotContain("clusterMembers").doesNotContain("127.0.0.1");

        Api.Answer details = api.get("status");
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json().path("status").asText()).isEqualTo("UP");
        assertThat(details.json().findValue("waitingForVectors")).as(details.toString()).isNotNull();
        assertThat(details.json().findValue("clusterMembers")).isNotNull();

        Api partner = api.withKey(admin(server).createKey(prefix + "partner-status", "WRITE"));
        assertProblem(partner.get("status"), 403);
        assertProblem(api.anonymous().get("status"), 401);
    }

    @Test
    void healthMetricsAndOpenApiStayPublic(Api api) {
        Api anonymous = api.anonymous();
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
        Api.Answer openapi = anonymous.get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("bearer");
        assertThat(anonymous.get("/openapi/ui/").status()).isEqualTo(200);
    }

    @Test
    void consolePagesWithoutSignInGoToTheLoginPage(RecsysServer.Running server) {
        ConsoleSession anonymous = ConsoleSession.anonymous(server.server().baseUri());
        for (String page : new String[] {"/console/", "/console/users.xhtml", "/console/jobs.xhtml",
            "/console/keys.xhtml", "/console/user.xhtml?id=demo-user-001"}) {
            HttpResponse<String> answer = anonymous.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as(page)
                    .endsWith("/console/login.xhtml");
        }
        assertThat(anonymous.get("/console/login.xhtml").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordDoesNotSignIn(RecsysServer.Running server) {
        ConsoleSession session = ConsoleSession.anonymous(server.server().baseUri());
        HttpResponse<String> answer = session.signIn("admin", "not-the-password");
        // Jakarta Security answers a failed sign-in with 401; the page says why.
        assertThat(answer.statusCode()).isIn(200, 401);
        assertThat(answer.body()).as(answer.body()).contains("Wrong user name or password");
        assertThat(session.get("/console/").statusCode()).isEqualTo(302);
    }

    @Test
    void aFormPostedWithoutItsViewStateChangesNothing(RecsysServer.Running server) throws Exception {
        ConsoleSession admin = admin(server);
        String name = prefix + "forged";
        Set<Path> incidentsBefore = ffdcIncidents(server);
        // What a cross-site form would send: the right fields, but no view state of this session.
        HttpResponse<String> forged = admin.submitWithViewState("/console/keys.xhtml", "forged-view-state",
                "create", "create:submit", Map.of("create:name", name, "create:scope", "WRITE"));
        // The client's mistake: 400 and the "page expired" page, not a server error with an incident report.
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("This page expired").doesNotContain("id=\"token\"");
        assertThat(admin.get("/console/keys.xhtml").body()).doesNotContain(name);
        Thread.sleep(1_000); // FFDC may write its incident file after the answer
        Set<Path> incidents = ffdcIncidents(server);
        incidents.removeAll(incidentsBefore);
        for (Path incident : incidents) { // other tests' background work may write its own
            assertThat(Files.readString(incident)).as("FFDC incident " + incident.getFileName())
                    .doesNotContain("ViewExpiredException");
        }
    }

    /** The FFDC incident files the server has written so far. */
    private static Set<Path> ffdcIncidents(RecsysServer.Running server) throws IOException {
        Path folder = server.server().serverOutputDirectory().resolve("logs/ffdc");
        if (!Files.isDirectory(folder)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ffdc_"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    @Test
    void aViewerMayNotManageKeys(RecsysServer.Running server) {
        ConsoleSession viewer = ConsoleSession.signedIn(server.server().baseUri(), RecsysServer.VIEWER,
                RecsysServer.CONSOLE_PASSWORD);
        HttpResponse<String> keys = viewer.get("/console/keys.xhtml");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains("Only admins manage API keys").doesNotContain("create:submit");
    }

    @Test
    void responsesCarryTheSecurityHeaders(RecsysServer.Running server, Api api) {
        HttpResponse<String> login = ConsoleSession.anonymous(server.server().baseUri()).get("/console/login.xhtml");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'").contains("script-src 'self'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }
}
