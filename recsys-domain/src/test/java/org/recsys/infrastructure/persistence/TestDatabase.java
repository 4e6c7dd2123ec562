package org.recsys.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database with the production schema (the Flyway migrations) and Hibernate on top: in-memory H2, or a
 * schema of its own in the PostgreSQL at 127.0.0.1:5432/test, dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String kind;
    private final String schema;
    private final EntityManagerFactory factory;

    private TestDatabase(String kind, String url, String user, String schema) {
        this.kind = kind;
        this.schema = schema;
        var flyway = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .cleanDisabled(true);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", schema == null ? url : url + "?currentSchema=" + schema);
        properties.put("jakarta.persistence.jdbc.user", user);
        properties.put("jakarta.persistence.jdbc.password", "");
        this.factory = Persistence.createEntityManagerFactory("recsys-test", properties);
    }

    public static TestDatabase h2() {
        return new TestDatabase("h2", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", null);
    }

    /** PostgreSQL when it answers; otherwise the test skips with the reason (CI makes it required). */
    public static TestDatabase postgresql() {
        String problem = null;
        try (Connection c = DriverManager.getConnection(POSTGRESQL_URL, "postgres", "")) {
            c.isValid(5);
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null && Boolean.getBoolean("recsys.it.require-postgresql")) {
            throw new IllegalStateException("PostgreSQL is required but not reachable: " + problem);
        }
        Assumptions.assumeTrue(problem == null, "PostgreSQL not reachable at " + POSTGRESQL_URL + ": " + problem);
        return new TestDatabase("postgresql", POSTGRESQL_URL, "postgres",
                "unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    public static TestDatabase of(String kind) {
        return "postgresql".equals(kind) ? postgresql() : h2();
    }

    public String kind() {
        return kind;
    }

    public EntityManager entityManager() {
        return factory.createEntityManager();
    }

    /** Runs the work in a transaction of its own, committed at the end (rolled back on failure). */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(POSTGRESQL_URL, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop " + schema + ": " + e.getMessage());
            }
        }
    }
}
