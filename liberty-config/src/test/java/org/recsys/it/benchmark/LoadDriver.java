package org.recsys.it.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recsys.it.support.LibertyServer;
import org.recsys.it.support.RecsysServer;

/** What the benchmarks share: wrk as the load driver, percentiles, and samples of the server's Prometheus page. */
final class LoadDriver {

    /**
     * A wrk script sending GET requests with the run's operator key; {@code pathExpression} is the body of a Lua
     * string that may close and reopen the quotes to splice in {@code math.random(...)}.
     */
    static Path script(String name, String pathExpression) throws IOException {
        return Files.writeString(Files.createTempFile(name, ".lua"), """
                math.randomseed(42)
                wrk.headers["Authorization"] = "Bearer %s"
                request = function()
                  return wrk.format("GET", "%s")
                end
                """.formatted(RecsysServer.API_KEY, pathExpression));
    }

    /** The p-th percentile of the durations, in milliseconds with two decimals. */
    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 10_000.0) / 100.0;
    }

    /** Runs wrk with a Lua script against the server; requests/s, p50/p90/p99 in ms and the non-2xx count. */
    static Map<String, Object> wrk(LibertyServer server, Path script, int threads, int connections,
                                           int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--latency", "-s", script.toString(), server.baseUri().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(seconds + 60, TimeUnit.SECONDS);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("connections", connections);
        summary.put("requestsPerSecond", number(output, "Requests/sec:\\s+([0-9.]+)"));
        for (String p : List.of("50", "90", "99")) {
            summary.put("p" + p + "Ms", millis(output, "\\s" + p + "%\\s+([0-9.]+)(us|ms|s)"));
        }
        summary.put("errors", output.contains("Non-2xx") ? output.replaceAll("(?s).*Non-2xx or 3xx responses: (\\d+).*",
                "$1") : "0");
        System.out.println("[benchmark] wrk " + script.getFileName() + " c=" + connections + "\n" + output);
        return summary;
    }

    /** The value of the Prometheus sample of that name whose labels include these (in any order). */
    static double sample(String metrics, String name, Map<String, String> labels) {
        Pattern label = Pattern.compile("(\\w+)=\"([^\"]*)\"");
        for (String line : metrics.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> found = new HashMap<>();
            Matcher m = label.matcher(line.substring(name.length() + 1, close));
            while (m.find()) {
                found.put(m.group(1), m.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                return Double.parseDouble(line.substring(close + 1).trim().split("\\s+")[0]);
            }
        }
        return Double.NaN;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double millis(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    static double seconds(long began) {
        return Math.round((System.nanoTime() - began) / 1e7) / 100.0;
    }

    private LoadDriver() {
    }
}
