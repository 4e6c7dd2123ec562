package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.recsys.application.models.ModelRegistry;
import org.recsys.domain.model.consoleuser.ConsoleRole;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.domain.model.registry.ModelVersion;
import org.recsys.interfaces.security.web.ConsoleAccess;

/** Model versions per kind with their metrics; promote a candidate or roll back (operators). */
@Named("modelsView")
@RequestScoped
public class ModelsView {

    static final int VERSIONS = 20;

    @Inject
    ModelRegistry registry;
    @Inject
    ConsoleAccess access;

    public List<ModelKind> getKinds() {
        return List.of(ModelKind.values());
    }

    public List<ModelVersion> versions(ModelKind kind) {
        return registry.list(kind, VERSIONS);
    }

    public String metrics(ModelVersion version) {
        StringBuilder text = new StringBuilder();
        version.metrics().forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", value)));
        return text.toString();
    }

    public void promote(String version) {
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.OPERATOR);
            registry.promote(version);
        })) {
            Messages.info("Promoted " + version + "; every member serves it now.");
        }
    }

    public void rollback(ModelKind kind) {
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.OPERATOR);
            registry.rollback(kind);
        })) {
            Messages.info("Rolled back the " + kind.name().toLowerCase(Locale.ROOT) + " model.");
        }
    }
}
