package org.recsys.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version with Flyway before anything else touches the database. The same
 * migrations run on H2 and PostgreSQL. With {@code recsys.db.schema} set, everything lives in that schema (created if
 * missing), which lets several installations or test runs share one PostgreSQL database.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "jdbc/recsys")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "recsys.db.schema")
    Optional<String> schema;

    public MigrateResult migrate() {
        var configuration = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                // Liberty's class loader finds a classpath folder only through a file in it: both folders hold an
                // empty flyway.location.
                .locations("classpath:db/migration")
                .cleanDisabled(true);
        schema.filter(s -> !s.isBlank()).ifPresent(s -> configuration.schemas(s).defaultSchema(s));
        MigrateResult result = configuration.load().migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, " + result.database + ")");
        return result;
    }
}
