package org.recsys.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How failures are told apart: which are worth sending again, and which are the server's fault. */
class TransactionsTest {

    private static RuntimeException wrapped(String sqlState) {
        // As JPA and the pool nest a driver's failure: a runtime exception around an SQLException chain.
        SQLException driver = new SQLException("driver", sqlState);
        SQLException outer = new SQLException("outer", (String) null);
        outer.setNextException(driver);
        return new IllegalStateException("persistence", new RuntimeException(outer));
    }

    @Test
    void aLostOrClosedConnectionIsTheDatabaseBeingUnavailable() {
        assertThat(Transactions.isDatabaseUnavailable(wrapped("08006"))).as("connection failure").isTrue();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("08003"))).as("connection does not exist").isTrue();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("57P01"))).as("admin shutdown").isTrue();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("90067"))).as("H2: connection broken").isTrue();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("23505"))).as("unique key").isFalse();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("57014"))).as("statement cancelled").isFalse();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("57P04"))).as("database dropped").isFalse();
        assertThat(Transactions.isDatabaseUnavailable(wrapped("08P01"))).as("protocol violation").isFalse();
        assertThat(Transactions.isDatabaseUnavailable(wrapped(null))).as("no state").isFalse();
        assertThat(Transactions.isDatabaseUnavailable(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void aBrokenKeyIsAConcurrentChangeAndNotAnOutage() {
        assertThat(Transactions.isConcurrentChange(wrapped("23505"))).isTrue();
        assertThat(Transactions.isConcurrentChange(wrapped("23503"))).isTrue();
        assertThat(Transactions.isConcurrentChange(wrapped("08006"))).isFalse();
    }
}
