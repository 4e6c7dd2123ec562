package org.recsys.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One member of the recsys server, run from the Liberty installation that the build assembled. Each member has its
 * own output directory (logs, work area) and free ports, so several run side by side from one installation.
 */
public final class LibertyServer implements AutoCloseable {

    static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final Path wlp;
    private final Path outputDirectory;
    private final Map<String, String> environment;
    private final int httpPort;
    private boolean running;

    public LibertyServer(String name, Path runDirectory, Map<String, String> environment) {
        this.name = name;
        this.wlp = Path.of(System.getProperty("recsys.it.wlp", "target/liberty/wlp")).toAbsolutePath();
        this.outputDirectory = runDirectory.resolve(name).toAbsolutePath();
        this.httpPort = freePort();
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("WLP_OUTPUT_DIR", outputDirectory.toString());
        this.environment.put("HTTP_PORT", Integer.toString(httpPort));
        this.environment.put("HTTPS_PORT", Integer.toString(freePort()));
    }

    /** Starts the server and waits until {@code /health} answers UP; stops it again when it never does. */
    public LibertyServer start() {
        long began = System.nanoTime();
        run(List.of(wlp.resolve("bin/server").toString(), "start", "recsys"));
        running = true;
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String lastAnswer = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri().resolve("/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                lastAnswer = health.statusCode() + " " + health.body();
                if (health.statusCode() == 200) {
                    System.out.printf("[it] %s UP on port %d after %.1f s%n", name, httpPort,
                            (System.nanoTime() - began) / 1e9);
                    return this;
                }
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (applicationFailed() || lastAnswer.contains("\"state\":\"FAILED\"")) {
                break;
            }
            sleep(1000);
        }
        // Every /health poll while not ready logs a CWMMH0052W warning per check: leave them out to see the cause.
        String log = logTail(80, line -> !line.contains("CWMMH0052W"));
        stop();
        throw new IllegalStateException(name + " did not become healthy; last answer: " + lastAnswer + "\n" + log);
    }

    /** Liberty logged that the application could not start (CWWKZ0002E): waiting longer would not help. */
    private boolean applicationFailed() {
        try {
            return Files.exists(logFile()) && Files.readString(logFile()).contains("CWWKZ0002E");
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server gracefully (server stop). */
    public void stop() {
        if (running) {
            run(List.of(wlp.resolve("bin/server").toString(), "stop", "recsys"));
            running = false;
        }
    }

    /** Kills the server's JVM without letting it shut down, as a crash would. */
    public void kill() {
        ProcessHandle.of(pid()).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
        running = false;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort);
    }

    public String name() {
        return name;
    }

    /** Liberty's ${server.output.dir}: logs, and the demo credentials file. */
    public Path serverOutputDirectory() {
        return outputDirectory.resolve("recsys");
    }

    public Path logFile() {
        return outputDirectory.resolve("recsys/logs/messages.log");
    }

    /** The server's process id, from the pid file Liberty writes in its output directory. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(outputDirectory.resolve(".pid/recsys.pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file: is " + name + " running?", e);
        }
    }

    /** Sends the server's JVM a signal, e.g. {@code STOP} (hangs it, its sockets stay open) or {@code CONT}. */
    public void signal(String signal) {
        run(List.of("kill", "-" + signal, Long.toString(pid())));
    }

    public String logTail(int lines) {
        return logTail(lines, line -> true);
    }

    /** The last {@code lines} lines of messages.log that {@code keep} accepts. */
    public String logTail(int lines, java.util.function.Predicate<String> keep) {
        try {
            List<String> all = Files.readAllLines(logFile()).stream().filter(keep).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " timed out");
            }
            if (process.exitValue() != 0 && process.exitValue() != 1) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A port free now, below Linux's ephemeral range (32768-60999): a port the kernel hands out for outgoing
     * connections could be taken by one (a database or HTTP client) before the server binds it, as a CI run saw.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
