package org.recsys.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database a test run uses, chosen by the system property {@code recsys.it.db} ({@code h2} or
 * {@code postgresql}). PostgreSQL runs get a schema of their own, dropped afterwards, so runs never see each other.
 */
public final class TestDatabase {

    public static final String POSTGRESQL_URL = System.getProperty("recsys.it.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRESQL_USER = System.getProperty("recsys.it.postgresql.user", "postgres");

    private final String kind;
    private final String schema;
    private final Path h2File;

    private TestDatabase(String kind, String schema, Path h2File) {
        this.kind = kind;
        this.schema = schema;
        this.h2File = h2File;
    }

    public static String kind() {
        return System.getProperty("recsys.it.db", "h2");
    }

    /** A fresh database for one run; every member of a cluster started with it shares it. */
    public static TestDatabase create(Path runDirectory) {
        if ("postgresql".equals(kind())) {
            String schema = "it_" + Long.toString(System.currentTimeMillis(), 36);
            try (Connection c = DriverManager.getConnection(POSTGRESQL_URL, POSTGRESQL_USER, "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + POSTGRESQL_URL + " is not usable", e);
            }
            return new TestDatabase("postgresql", schema, null);
        }
        Path folder = runDirectory.resolve("shared-db").toAbsolutePath();
        deleteRecursively(folder);
        return new TestDatabase("h2", null, folder.resolve("recsys"));
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the H2 folder of an earlier run: " + folder, e);
        }
    }

    /** Why PostgreSQL cannot be used here, or null when it can. */
    public static String postgresqlProblem() {
        try (Connection c = DriverManager.getConnection(POSTGRESQL_URL, POSTGRESQL_USER, "")) {
            return c.isValid(5) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Environment variables that point a server at this database. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RECSYS_DB", kind);
        if ("postgresql".equals(kind)) {
            env.put("RECSYS_DB_URL", POSTGRESQL_URL + "?currentSchema=" + schema);
            env.put("RECSYS_DB_USER", POSTGRESQL_USER);
            env.put("RECSYS_DB_SCHEMA", schema);
        } else {
            env.put("RECSYS_DB_URL", "jdbc:h2:" + h2File + ";AUTO_SERVER=TRUE");
        }
        return env;
    }

    /** A JDBC connection to the run's database, as the servers see it (H2 through its auto-server). */
    public Connection connect() throws SQLException {
        if ("postgresql".equals(kind)) {
            return DriverManager.getConnection(POSTGRESQL_URL + "?currentSchema=" + schema, POSTGRESQL_USER, "");
        }
        return DriverManager.getConnection(environment().get("RECSYS_DB_URL"), "recsys", "recsys");
    }

    /** The one number a query with one parameter answers (a count, a version); fails when it answers no row. */
    public long number(String sql, String parameter) {
        try (Connection c = connect(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + parameter + " from " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update with one parameter; returns the rows it changed. */
    public int update(String sql, String parameter) {
        try (Connection c = connect(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema the servers' tables are in, as the database's catalogue names it. */
    public String schemaName() {
        return "postgresql".equals(kind) ? schema : "PUBLIC";
    }

    public String describe() {
        return "postgresql".equals(kind) ? "PostgreSQL schema " + schema : "H2 file " + h2File;
    }

    public void drop() {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRESQL_URL, POSTGRESQL_USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
