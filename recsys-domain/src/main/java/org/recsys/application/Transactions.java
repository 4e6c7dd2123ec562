package org.recsys.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a transaction: of its own, for callers that must see it committed (or retry it) before they go on, or
 * joining the caller's. Services check what a client got wrong before the transaction or return it from the work and
 * throw after it: Liberty writes an FFDC incident for every exception that leaves a transactional method, and a 4xx
 * is not an incident.
 */
@ApplicationScoped
public class Transactions {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /** How often work is tried when a concurrent writer keeps winning the race for the same key. */
    static final int ATTEMPTS = 3;

    /**
     * Runs work in a transaction of its own and runs it again when a concurrent request stored the same key first:
     * the next attempt finds that row and updates it (or skips it) instead of inserting it twice. Call it from
     * outside any transaction, with work that is safe to repeat.
     */
    public static <T> T retryingConcurrentInserts(Transactions transactions, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inNewTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Whether the failure is a unique-key conflict with a concurrent writer: SQLSTATE 23505 on H2 and PostgreSQL, or
     * 90131 on H2 when the conflicting row is not yet committed (H2 reports a concurrent update then).
     */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505") || hasSqlState(failure, "90131");
    }

    /**
     * Whether the failure is a constraint that a concurrent writer broke: a unique key (23505), a row another
     * request deleted meanwhile (foreign key, 23503, or a row this one read and then could not delete). Such a
     * request is worth sending again; it is not a server fault.
     */
    public static boolean isConcurrentChange(Throwable failure) {
        return hasSqlState(failure, "23505") || hasSqlState(failure, "23503") || rowGoneMeanwhile(failure);
    }

    /**
     * Connection failures worth sending the request again for: the standard connection exceptions (SQL state class
     * 08, but not 08P01, a protocol violation, which is a driver fault), PostgreSQL's "terminated by the
     * administrator", "crash shutdown" and "cannot connect now" (57P01-57P03: a restart or failover; not 57P04, a
     * dropped database), and H2's "connection is broken" and "database is closed".
     */
    private static final java.util.Set<String> CONNECTION_LOST = java.util.Set.of("08000", "08001", "08003",
            "08004", "08006", "08007", "57P01", "57P02", "57P03", "90067", "90098");

    /**
     * Whether the failure is the database connection's, lost or refused as in a database restart or failover
     * ({@link #CONNECTION_LOST}). The pool replaces the dead connections, so an idempotent request is worth sending
     * again.
     */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        return hasSqlState(failure, CONNECTION_LOST::contains);
    }

    /** A row this transaction read was deleted by another before it wrote (two erasures of one user at once). */
    private static boolean rowGoneMeanwhile(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSqlState(Throwable failure, String state) {
        return hasSqlState(failure, state::equals);
    }

    private static boolean hasSqlState(Throwable failure, java.util.function.Predicate<String> state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && state.test(e.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
