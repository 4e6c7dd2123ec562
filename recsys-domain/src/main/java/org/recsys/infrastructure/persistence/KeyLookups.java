package org.recsys.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Looks up many keys at once in a column with a unique index, in a way that uses that index whatever the database's
 * statistics say. On PostgreSQL the keys travel as one array and each is probed through the index: a long {@code IN}
 * list there, with a generic plan and no statistics (autovacuum off, or a freshly loaded table), became a sequential
 * scan comparing every row with every key (30 s per 10,000 keys at 200,000 rows), and a plain join of the array
 * becomes a hash join over the whole table. A scalar subquery per key, or a lateral subquery fenced with
 * {@code OFFSET 0}, is never flattened into such a join. Other databases get {@code IN} lists of at most
 * {@value #SLICE} keys.
 */
final class KeyLookups {

    static final int SLICE = 1000;

    private static final Map<EntityManagerFactory, Boolean> POSTGRESQL = new ConcurrentHashMap<>();

    private KeyLookups() {
    }

    /** The keys that appear in {@code table.column}. */
    static Set<String> existing(EntityManager em, String table, String column, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        if (isPostgresql(em)) {
            found.addAll(strings(em.createNativeQuery(postgresqlExisting(table, column))
                    .setParameter(1, distinct(keys).toArray(String[]::new)).getResultList()));
            return found;
        }
        for (List<String> slice : slices(keys)) {
            found.addAll(strings(bind(em.createNativeQuery("select " + column + " from " + table + " where "
                    + column + " in (" + placeholders(slice.size()) + ")"), slice).getResultList()));
        }
        return found;
    }

    /** PostgreSQL: the keys of one array parameter that exist, each probed through the unique index. */
    static String postgresqlExisting(String table, String column) {
        // limit 1: the column need not be unique (an idempotency key is unique per API key and user only).
        return "select t.k from unnest(cast(?1 as varchar[])) as t(k) where (select 1 from " + table
                + " x where x." + column + " = t.k limit 1) is not null";
    }

    /** PostgreSQL: the rows whose key is in one array parameter, each fetched through the key's index. */
    static String postgresqlLoad(String table, String keyColumn, boolean lock) {
        return "select x.* from unnest(cast(?1 as varchar[])) as t(k) cross join lateral (select * from " + table
                + " r where r." + keyColumn + " = t.k offset 0" + (lock ? " for update" : "") + ") x";
    }

    /** The entities of {@code table} whose {@code id} is one of the keys. */
    static <T> List<T> load(EntityManager em, Class<T> type, String table, Collection<String> ids) {
        return load(em, type, table, "id", ids, false);
    }

    /**
     * The entities of {@code table} whose key column holds one of the keys. With {@code lock}, the rows stay locked
     * for update until the transaction ends; they are locked in key order, so that two transactions never wait for
     * each other in a cycle.
     */
    static <T> List<T> load(EntityManager em, Class<T> type, String table, String keyColumn, Collection<String> keys,
                            boolean lock) {
        List<T> loaded = new ArrayList<>();
        if (keys.isEmpty()) {
            return loaded;
        }
        List<String> sorted = distinct(keys);
        sorted.sort(null);
        if (isPostgresql(em)) {
            loaded.addAll(em.createNativeQuery(postgresqlLoad(table, keyColumn, lock), type)
                    .setParameter(1, sorted.toArray(String[]::new)).getResultList().stream().map(type::cast).toList());
            return loaded;
        }
        for (List<String> slice : slices(sorted)) {
            loaded.addAll(bind(em.createNativeQuery("select * from " + table + " where " + keyColumn + " in ("
                    + placeholders(slice.size()) + ") order by " + keyColumn + (lock ? " for update" : ""), type),
                    slice).getResultList().stream().map(type::cast).toList());
        }
        return loaded;
    }

    private static boolean isPostgresql(EntityManager em) {
        return POSTGRESQL.computeIfAbsent(em.getEntityManagerFactory(), factory -> em.unwrap(Session.class)
                .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName()
                        .toLowerCase(Locale.ROOT).contains("postgres")));
    }

    private static Query bind(Query query, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    private static String placeholders(int count) {
        StringBuilder sql = new StringBuilder(count * 4);
        for (int i = 1; i <= count; i++) {
            sql.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        return sql.toString();
    }

    private static List<String> distinct(Collection<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static List<List<String>> slices(Collection<String> values) {
        List<String> distinct = distinct(values);
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SLICE) {
            slices.add(distinct.subList(from, Math.min(distinct.size(), from + SLICE)));
        }
        return slices;
    }

    private static List<String> strings(List<?> rows) {
        return rows.stream().map(String::valueOf).toList();
    }
}
