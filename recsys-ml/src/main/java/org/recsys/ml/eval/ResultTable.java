package org.recsys.ml.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of (task, model, metric values) collected by the harness; printed as a text table and written as JSON.
 */
final class ResultTable {

    /** One model's results on one task. */
    static final class Row {
        final String task;
        final String model;
        final Map<String, Double> metrics = new LinkedHashMap<>();
        final Map<String, Object> details = new LinkedHashMap<>();

        Row(String task, String model) {
            this.task = task;
            this.model = model;
        }

        Row put(String metric, double value) {
            metrics.put(metric, value);
            return this;
        }

        Row detail(String key, Object value) {
            details.put(key, value);
            return this;
        }

        double get(String metric) {
            return metrics.getOrDefault(metric, Double.NaN);
        }
    }

    final List<Row> rows = new ArrayList<>();
    final Map<String, String> notes = new LinkedHashMap<>();

    Row add(String task, String model) {
        Row row = new Row(task, model);
        rows.add(row);
        return row;
    }

    List<Row> task(String task) {
        return rows.stream().filter(r -> r.task.equals(task)).toList();
    }

    void print(PrintStream out) {
        Set<String> tasks = new LinkedHashSet<>();
        rows.forEach(r -> tasks.add(r.task));
        for (String task : tasks) {
            List<Row> taskRows = task(task);
            Set<String> metrics = new LinkedHashSet<>();
            taskRows.forEach(r -> metrics.addAll(r.metrics.keySet()));
            out.println();
            out.println("== " + task);
            StringBuilder header = new StringBuilder(String.format("%-28s", "model"));
            metrics.forEach(m -> header.append(String.format(" %12s", m)));
            out.println(header);
            for (Row row : taskRows) {
                StringBuilder line = new StringBuilder(String.format("%-28s", row.model));
                for (String metric : metrics) {
                    double value = row.get(metric);
                    line.append(Double.isNaN(value) ? String.format(" %12s", "-")
                            : String.format(" %12.4f", value));
                }
                out.println(line);
            }
        }
        notes.forEach((key, value) -> out.println("note " + key + ": " + value));
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("results");
        for (Row row : rows) {
            ObjectNode node = array.addObject();
            node.put("task", row.task);
            node.put("model", row.model);
            ObjectNode metrics = node.putObject("metrics");
            row.metrics.forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    metrics.put(k, v);
                } else {
                    metrics.putNull(k);
                }
            });
            if (!row.details.isEmpty()) {
                node.set("details", mapper.valueToTree(row.details));
            }
        }
        ObjectNode noteNode = root.putObject("notes");
        notes.forEach(noteNode::put);
        return root;
    }
}
