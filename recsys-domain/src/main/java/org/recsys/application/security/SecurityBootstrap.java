package org.recsys.application.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.Transactions;
import org.recsys.domain.model.apikey.ApiKeyScope;
import org.recsys.domain.model.consoleuser.ConsoleRole;

/**
 * Creates the credentials the server starts with; there are no default ones. From configuration: the admin password
 * ({@code recsys.admin.password}), more console users ({@code recsys.console.users}: {@code name:role:password,...})
 * and a partner key ({@code recsys.api.bootstrap-key}). In demo mode, when none is configured, an admin password and
 * a partner key are generated on first start, logged and written to the demo credentials file.
 */
@ApplicationScoped
public class SecurityBootstrap {

    private static final Logger LOG = Logger.getLogger(SecurityBootstrap.class.getName());
    static final String BOOTSTRAP_KEY_ID = "bootstrap";
    static final String OPERATOR_KEY_ID = "operator";

    @Inject
    ConsoleUsers consoleUsers;
    @Inject
    ApiKeys apiKeys;
    @Inject
    Transactions transactions;

    @Inject
    @ConfigProperty(name = "recsys.demo.enabled", defaultValue = "false")
    boolean demo;
    @Inject
    @ConfigProperty(name = "recsys.admin.user", defaultValue = "admin")
    String adminUser;
    @Inject
    @ConfigProperty(name = "recsys.admin.password")
    Optional<String> adminPassword;
    @Inject
    @ConfigProperty(name = "recsys.console.users")
    Optional<List<String>> extraUsers;
    @Inject
    @ConfigProperty(name = "recsys.api.bootstrap-key")
    Optional<String> bootstrapKey;
    /** The operator's key (scope OPERATE: imports, jobs, models), kept apart from the partner key above. */
    @Inject
    @ConfigProperty(name = "recsys.api.operator-key")
    Optional<String> operatorKey;
    @Inject
    @ConfigProperty(name = "recsys.security.credentials-file", defaultValue = "demo-credentials.properties")
    String credentialsFile;

    public void bootstrap() {
        List<String> generated = new ArrayList<>();
        Properties file = new Properties();
        try {
            if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
                if (consoleUsers.ensure(adminUser, adminPassword.get(), ConsoleRole.ADMIN)) {
                    LOG.info(() -> "Console user " + adminUser + " (admin) set from recsys.admin.password");
                }
            } else if (consoleUsers.list().isEmpty()) {
                if (demo) {
                    String password = Secrets.randomToken(15);
                    consoleUsers.ensure(adminUser, password, ConsoleRole.ADMIN);
                    generated.add("console user " + adminUser + " (admin), password " + password);
                    file.setProperty("console.user", adminUser);
                    file.setProperty("console.password", password);
                } else {
                    LOG.warning("No console user exists: set RECSYS_ADMIN_PASSWORD to sign in to /console");
                }
            }
            for (String entry : extraUsers.orElse(List.of())) {
                String[] parts = entry.strip().split(":", 3);
                if (parts.length != 3) {
                    LOG.warning("Ignoring recsys.console.users entry that is not name:role:password");
                    continue;
                }
                consoleUsers.ensure(parts[0], parts[2], ConsoleRole.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            }
            if (bootstrapKey.filter(k -> !k.isBlank()).isPresent()) {
                if (apiKeys.ensureConfigured(BOOTSTRAP_KEY_ID, "configured key (recsys.api.bootstrap-key)",
                        bootstrapKey.get().strip(), ApiKeyScope.WRITE)) {
                    LOG.info("Partner API key 'bootstrap' stored from recsys.api.bootstrap-key");
                }
            }
            if (operatorKey.filter(k -> !k.isBlank()).isPresent()) {
                if (apiKeys.ensureConfigured(OPERATOR_KEY_ID, "configured operator key (recsys.api.operator-key)",
                        operatorKey.get().strip(), ApiKeyScope.OPERATE)) {
                    LOG.info("Operator API key 'operator' stored from recsys.api.operator-key");
                }
            }
            if (demo && apiKeys.list().stream().noneMatch(k -> k.createdBy().equals("demo")
                    && k.scope() == ApiKeyScope.WRITE)) {
                ApiKeys.IssuedKey issued = apiKeys.create("demo partner key", ApiKeyScope.WRITE, "demo");
                generated.add("partner API key (write) " + issued.token());
                file.setProperty("api.key", issued.token());
            }
            if (demo && apiKeys.list().stream().noneMatch(k -> k.createdBy().equals("demo")
                    && k.scope() == ApiKeyScope.OPERATE)) {
                ApiKeys.IssuedKey issued = apiKeys.create("demo operator key", ApiKeyScope.OPERATE, "demo");
                generated.add("operator API key (imports, jobs, models) " + issued.token());
                file.setProperty("operator.key", issued.token());
            }
        } catch (RuntimeException e) {
            // Another cluster member may have created the same users at the same moment: nothing is lost.
            if (!Transactions.isUniqueViolation(e)) {
                throw e;
            }
            LOG.log(Level.INFO, "Credentials were created concurrently by another member", e);
        }
        if (!generated.isEmpty()) {
            Path path = Path.of(credentialsFile).toAbsolutePath();
            write(path, file);
            LOG.warning(() -> "DEMO MODE: generated credentials (also written to " + path + "; set real ones as "
                    + "docs/operations.md#security explains):\n    " + String.join("\n    ", generated));
        }
    }

    private static void write(Path path, Properties contents) {
        try {
            Properties all = new Properties();
            if (Files.exists(path)) {
                try (var in = Files.newBufferedReader(path)) {
                    all.load(in);
                }
            }
            all.putAll(contents);
            Files.createDirectories(path.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(path)) {
                all.store(out, "recsys demo credentials, generated on first start; only this copy exists");
            }
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's permissions apply.
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not write " + path, e);
        }
    }
}
