package org.recsys.infrastructure.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Watches the application's connection pool for connections that are in use by nobody and returns them.
 *
 * <p>Liberty's shared pool has lost connections under sustained concurrent reads (a release race, see
 * docs/benchmarks.md); the server configuration avoids it with thread-local connections and a fixed-size executor.
 * This watchdog is the second line: every {@code recsys.db.watchdog.interval-seconds} it samples Liberty's pool
 * statistics (the {@code ConnectionPoolStats} MBean behind {@code /metrics}), and when connections have been in use
 * with no open handle in every sample for {@code recsys.db.watchdog.window-minutes}, it asks Liberty's
 * {@code ConnectionManagerMBean} to abort the connections in use for longer than that window, so that the pool can
 * create new ones. It says so in the log and counts in {@code recsys_db_watchdog_returned_total}; the current count
 * is {@code recsys_db_connections_without_handle}. Liberty has no setting for this, hence our own loop.
 */
@ApplicationScoped
public class ConnectionPoolWatchdog {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolWatchdog.class.getName());
    static final String JNDI_NAME = "jdbc/recsys";

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    MetricRegistry metrics;
    @Inject
    @ConfigProperty(name = "recsys.db.watchdog.interval-seconds", defaultValue = "30")
    long intervalSeconds;
    @Inject
    @ConfigProperty(name = "recsys.db.watchdog.window-minutes", defaultValue = "10")
    long windowMinutes;

    private final AtomicLong withoutHandle = new AtomicLong();
    private Counter returned;
    private StrandedConnections stranded;
    private ScheduledFuture<?> task;

    void onStartup(@Observes Startup event) {
        if (intervalSeconds <= 0) {
            LOG.info("Connection pool watchdog off (recsys.db.watchdog.interval-seconds=" + intervalSeconds + ")");
            return;
        }
        stranded = new StrandedConnections(TimeUnit.MINUTES.toMillis(windowMinutes));
        metrics.gauge(Metadata.builder().withName("recsys.db.connections.without.handle")
                .withDescription("Connections of " + JNDI_NAME + " in use with no open handle at the last sample")
                .build(), withoutHandle, AtomicLong::get);
        returned = metrics.counter(Metadata.builder().withName("recsys.db.watchdog.returned")
                .withDescription("Connections the watchdog aborted after they were in use by no handle for "
                        + windowMinutes + " minutes").build());
        task = scheduler.scheduleWithFixedDelay(this::sample, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void sample() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> stats = server.queryNames(new ObjectName("WebSphere:type=ConnectionPoolStats,name="
                    + JNDI_NAME), null);
            if (stats.isEmpty()) {
                return; // the pool is created on first use
            }
            ObjectName pool = stats.iterator().next();
            long now = withoutHandle(server, pool);
            withoutHandle.set(now);
            long throughout = stranded.add(System.currentTimeMillis(), now);
            if (throughout > 0) {
                returnStranded(server, throughout);
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "Connection pool watchdog could not sample the pool", e);
        }
    }

    private static long withoutHandle(MBeanServer server, ObjectName pool) throws JMException {
        return StrandedConnections.withoutHandle(number(server, pool, "ManagedConnectionCount"),
                number(server, pool, "FreeConnectionCount"), number(server, pool, "ConnectionHandleCount"));
    }

    private void returnStranded(MBeanServer server, long count) throws JMException {
        Set<ObjectName> managers = server.queryNames(new ObjectName(
                "WebSphere:type=com.ibm.ws.jca.cm.mbean.ConnectionManagerMBean,jndiName=" + JNDI_NAME + ",*"), null);
        if (managers.isEmpty()) {
            LOG.warning(count + " connections of " + JNDI_NAME + " in use by no handle for " + windowMinutes
                    + " minutes, but no connection manager to return them; restart this member");
            return;
        }
        // Aborts connections in use for longer than the window: the stranded ones, and a transaction that has run
        // that long (none of ours does; a batch chunk commits within seconds).
        server.invoke(managers.iterator().next(), "abortConnections",
                new Object[] {"inuse", TimeUnit.MINUTES.toMillis(windowMinutes)},
                new String[] {String.class.getName(), Long.class.getName()});
        returned.inc(count);
        stranded.reset();
        LOG.warning("Returned " + count + " connections of " + JNDI_NAME + " that were in use by no handle for "
                + windowMinutes + " minutes (docs/operations.md, \"Lost connections\")");
    }

    private static long number(MBeanServer server, ObjectName name, String attribute) throws JMException {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
