package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.application.FeedbackService;
import org.recsys.application.ItemService;
import org.recsys.application.UserService;
import org.recsys.application.console.ConsoleQueries;
import org.recsys.application.models.ModelRegistry;
import org.recsys.application.serving.Experiments;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.domain.model.registry.ModelStatus;
import org.recsys.domain.model.registry.ModelVersion;

/** The dashboard: totals and the charts (feedback over time, positive rate per strategy, active model metrics). */
@Named("dashboard")
@RequestScoped
public class DashboardView {

    @Inject
    UserService users;
    @Inject
    ItemService items;
    @Inject
    FeedbackService feedback;
    @Inject
    ConsoleQueries queries;
    @Inject
    Experiments experiments;
    @Inject
    ModelRegistry registry;

    public long getUserCount() {
        return users.count();
    }

    public long getItemCount() {
        return items.count();
    }

    public long getFeedbackCount() {
        return feedback.count();
    }

    public String getFeedbackChart() {
        return ChartData.of("line", "Feedback events per day (UTC)", "events", queries.feedbackPerDay()).json();
    }

    public String getFeedbackTypeChart() {
        return ChartData.of("bar", "Feedback events by type", "events", queries.feedbackPerType()).json();
    }

    public String getStrategyChart() {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Experiments.Standing s : experiments.standings()) {
            rates.put(s.strategy().code(), s.positiveRate() * 100);
        }
        return ChartData.of("bar", "Positive feedback rate per strategy (%)", "positive %", rates).json();
    }

    public List<ModelVersion> getActiveModels() {
        List<ModelVersion> active = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            registry.list(kind, 50).stream().filter(v -> v.status() == ModelStatus.ACTIVE).findFirst()
                    .ifPresent(active::add);
        }
        return active;
    }

    public String getModelChart() {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ModelVersion version : getActiveModels()) {
            version.metrics().forEach((name, value) -> {
                labels.add(version.kind().name().toLowerCase() + " " + name);
                values.add(value);
            });
        }
        return new ChartData("bar", "Active model metrics", labels).series("value", values).json();
    }
}
