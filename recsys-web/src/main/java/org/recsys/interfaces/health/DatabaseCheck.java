package org.recsys.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.recsys.application.startup.StartupSequence;

/** Ready when start-up succeeded and the database answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements DetailedCheck {

    @Resource(lookup = "jdbc/recsys")
    DataSource dataSource;

    @Inject
    StartupSequence startup;

    @Override
    public HealthCheckResponse details() {
        var answer = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            answer.withData("product", connection.getMetaData().getDatabaseProductName())
                    .status(valid && startup.state() == StartupSequence.State.READY);
        } catch (SQLException e) {
            answer.down().withData("error", e.getMessage());
        }
        return answer.build();
    }
}
