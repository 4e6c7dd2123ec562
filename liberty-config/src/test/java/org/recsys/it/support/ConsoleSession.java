package org.recsys.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin console over plain HTTP, as a browser without JavaScript uses it: a cookie session, Faces forms posted
 * with their ViewState. Redirects are not followed, so tests see where the server sends them.
 */
public final class ConsoleSession {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final HttpClient http;

    private ConsoleSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A session that has not signed in. */
    public static ConsoleSession anonymous(URI base) {
        return new ConsoleSession(base);
    }

    /** The admin user and password that demo mode generated on first start (the file the README points to). */
    public static Map<String, String> demoCredentials(LibertyServer server) {
        Path file = server.serverOutputDirectory().resolve("demo-credentials.properties");
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no demo credentials at " + file, e);
        }
        return Map.of("user", properties.getProperty("console.user"),
                "password", properties.getProperty("console.password"));
    }

    /** Signs in with the login form; the answer is the server's reply to the form (302 to the console on success). */
    public HttpResponse<String> signIn(String user, String password) {
        HttpResponse<String> page = get("/console/login.xhtml");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login:username", user);
        fields.put("login:password", password);
        return submit("/console/login.xhtml", page.body(), "login", "login:submit", fields);
    }

    public static ConsoleSession signedIn(URI base, String user, String password) {
        ConsoleSession session = new ConsoleSession(base);
        HttpResponse<String> answer = session.signIn(user, password);
        if (answer.statusCode() != 302) {
            throw new AssertionError("sign-in as " + user + " failed: " + answer.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /**
     * Posts the form {@code formId} of a page as its submit button {@code button} would, with the page's ViewState
     * (the CSRF token), or with {@code viewState} when given (a forged one).
     */
    public HttpResponse<String> submit(String path, String pageHtml, String formId, String button,
                                       Map<String, String> fields) {
        Matcher state = VIEW_STATE.matcher(pageHtml);
        if (!state.find()) {
            throw new AssertionError("no ViewState on " + path);
        }
        return submitWithViewState(path, state.group(1), formId, button, fields);
    }

    public HttpResponse<String> submitWithViewState(String path, String viewState, String formId, String button,
                                                    Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put(formId + "_SUBMIT", "1");
        form.put(button, "x");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Creates an API key on the keys page (admins) and returns its token, shown once. */
    public String createKey(String name, String scope) {
        HttpResponse<String> page = get("/console/keys.xhtml");
        HttpResponse<String> created = submit("/console/keys.xhtml", page.body(), "create", "create:submit",
                Map.of("create:name", name, "create:scope", scope));
        Matcher token = Pattern.compile("id=\"token\">([^<]+)<").matcher(created.body());
        if (!token.find()) {
            throw new AssertionError("no key token shown: " + created.statusCode() + " " + created.body());
        }
        return token.group(1).strip();
    }

    /** Revokes a key with the Revoke button of its row on the keys page. */
    public HttpResponse<String> revokeKey(String keyId) {
        HttpResponse<String> page = get("/console/keys.xhtml");
        Matcher row = Pattern.compile("data-key-id=\"" + Pattern.quote(keyId) + "\"(.*?)</tr>", Pattern.DOTALL)
                .matcher(page.body());
        if (!row.find()) {
            throw new AssertionError("key " + keyId + " not listed");
        }
        Matcher button = Pattern.compile("name=\"([^\"]+)\"[^>]*value=\"Revoke\"").matcher(row.group(1));
        if (!button.find()) {
            throw new AssertionError("key " + keyId + " has no Revoke button");
        }
        return submit("/console/keys.xhtml", page.body(), "keys", button.group(1), Map.of());
    }

    /** The id part of a token {@code rsk_<id>_<secret>}. */
    public static String keyId(String token) {
        return token.substring(4, token.indexOf('_', 4));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
