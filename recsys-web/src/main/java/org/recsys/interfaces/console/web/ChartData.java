package org.recsys.interfaces.console.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** A chart as the console's script draws it: type, labels, and named series of numbers. */
final class ChartData {

    private final JsonObjectBuilder chart = Json.createObjectBuilder();
    private final JsonArrayBuilder series = Json.createArrayBuilder();

    ChartData(String type, String title, List<String> labels) {
        chart.add("type", type).add("title", title).add("labels", Json.createArrayBuilder(labels));
    }

    ChartData series(String name, List<? extends Number> values) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Number value : values) {
            double v = value.doubleValue();
            if (Double.isFinite(v)) {
                data.add(v);
            } else {
                data.addNull();
            }
        }
        series.add(Json.createObjectBuilder().add("name", name).add("data", data));
        return this;
    }

    static <K> ChartData of(String type, String title, String seriesName, Map<K, ? extends Number> values) {
        return new ChartData(type, title, values.keySet().stream().map(Object::toString).toList())
                .series(seriesName, List.copyOf(values.values()));
    }

    String json() {
        return chart.add("series", series).build().toString();
    }
}
