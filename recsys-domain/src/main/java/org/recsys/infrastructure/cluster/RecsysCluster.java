package org.recsys.infrastructure.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.factories.GlobalComponentRegistry;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.Transport;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.fork.ForkChannel;

/**
 * This member's view of the cluster. With {@code recsys.cluster.enabled=false} (the default) it is a cluster of one
 * with local caches; otherwise it joins the members listed in {@code recsys.cluster.members} over TCP, with the JGroups
 * stack of {@code recsys-jgroups.xml} (or {@code recsys.cluster.stack-file}) and every message encrypted with the key
 * of {@code recsys.cluster.secret} (see {@link ClusterChannels}).
 *
 * <ul>
 *   <li>{@code profiles}: this member's own copy of encoded profiles (user id to value), bounded in size and expiring
 *       ({@code recsys.cluster.profile-cache-entries}, {@code recsys.cluster.profile-lifespan-seconds}): reads and
 *       writes never wait on another member, and a copy that missed an update is replaced from the database within
 *       the lifespan at the latest. Members keep each other's copies current through the bus.</li>
 *   <li>the bus: {@link #publish} hands a {@link ClusterMessage} to this member's CDI observers at once, in the
 *       caller's thread, and multicasts it to the others on a JGroups fork channel (the {@code FORK} protocol at the
 *       top of the stack), which never waits for them: a hung member costs the sender nothing. JGroups delivers each
 *       sender's messages reliably and in order; each member applies them on one delivery thread, in that order.
 *       Why not an Infinispan cache as the bus: a synchronous replicated write waits for the key's primary owner,
 *       so one hung member stalled every writer (issue #12); an asynchronous one gives no order.</li>
 *   <li>{@link ClusterCatchUp}: fired when members join or merge back, when members leave (one that crashed between
 *       a commit and its message leaves that write unannounced), and when this member notices it was paused
 *       for more than {@value #PAUSE_MILLIS} ms (its clock jumped between two ticks of a half-second timer), so
 *       that derived state is rebuilt from the database (messages missed while away are not replayed).</li>
 * </ul>
 */
@ApplicationScoped
public class RecsysCluster {

    private static final Logger LOG = Logger.getLogger(RecsysCluster.class.getName());

    static final String PROFILES = "profiles";
    /** The fork stack and channel of the bus on the cluster's JGroups channel. */
    static final String BUS_STACK = "recsys";
    static final String BUS_CHANNEL = "bus";

    @Inject
    @ConfigProperty(name = "recsys.cluster.enabled", defaultValue = "false")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "recsys.cluster.name", defaultValue = "recsys")
    String clusterName;
    @Inject
    @ConfigProperty(name = "recsys.cluster.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;
    @Inject
    @ConfigProperty(name = "recsys.cluster.port", defaultValue = "7800")
    int port;
    @Inject
    @ConfigProperty(name = "recsys.cluster.members", defaultValue = "127.0.0.1[7800]")
    String members;
    @Inject
    @ConfigProperty(name = "recsys.cluster.node-name")
    java.util.Optional<String> configuredNodeName;
    /** Shared by every member: the key that encrypts cluster traffic and keeps strangers out. */
    @Inject
    @ConfigProperty(name = "recsys.cluster.secret")
    java.util.Optional<String> secret;
    /** A JGroups XML stack file instead of the bundled one (another discovery, TLS). */
    @Inject
    @ConfigProperty(name = "recsys.cluster.stack-file")
    java.util.Optional<String> stackFile;

    @Inject
    @ConfigProperty(name = "recsys.cluster.profile-cache-entries", defaultValue = "20000")
    int profileCacheEntries;
    @Inject
    @ConfigProperty(name = "recsys.cluster.profile-lifespan-seconds", defaultValue = "60")
    int profileLifespanSeconds;

    @Inject
    Event<ClusterMessage> delivery;
    @Inject
    Event<ClusterCatchUp> catchUp;

    /** A gap this long between two half-second ticks means this member was paused (stopped, GC, VM stall). */
    static final long PAUSE_MILLIS = 3000;
    /** How long after a merge this member catches up a second time. */
    static final long MERGE_SETTLE_SECONDS = 5;
    /**
     * How far before the moment a member noticed it may have missed messages it reads changes again: failure
     * detection takes up to 12 s (FD_ALL3 and VERIFY_SUSPECT2 in recsys-jgroups.xml), plus messages still in flight.
     */
    static final java.time.Duration MISSED_MARGIN = java.time.Duration.ofSeconds(60);

    private volatile DefaultCacheManager manager;
    private volatile ForkChannel bus;
    /** One thread, so that each member applies other members' messages in the order JGroups delivers them. */
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "recsys-cluster-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService pauseWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "recsys-cluster-pause-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastTick = System.nanoTime();
    private String nodeName;

    /** Starts the cache manager (joining the cluster); called once during start-up. */
    public synchronized void start() {
        if (manager != null) {
            return;
        }
        nodeName = configuredNodeName.filter(n -> !n.isBlank())
                .orElseGet(() -> (enabled ? bindAddress + ":" + port : "local") + "-" + UUID.randomUUID()
                        .toString().substring(0, 8));
        GlobalConfigurationBuilder global = enabled ? GlobalConfigurationBuilder.defaultClusteredBuilder()
                : new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheManagerName("recsys").jmx().disable();
        if (enabled) {
            global.transport().clusterName(clusterName).nodeName(nodeName)
                    .addProperty(JGroupsTransport.CHANNEL_CONFIGURATOR, channelConfigurator());
        }
        DefaultCacheManager created = new DefaultCacheManager(global.build());
        ConfigurationBuilder profiles = new ConfigurationBuilder();
        profiles.clustering().cacheMode(CacheMode.LOCAL);
        profiles.memory().maxCount(profileCacheEntries);
        profiles.expiration().lifespan(profileLifespanSeconds, TimeUnit.SECONDS);
        created.defineConfiguration(PROFILES, profiles.build());
        created.getCache(PROFILES);
        if (enabled) {
            bus = openBus(created);
            lastTick = System.nanoTime();
            pauseWatch.scheduleAtFixedRate(this::noticePause, 500, 500, TimeUnit.MILLISECONDS);
        }
        manager = created;
        LOG.info(() -> "Cluster " + (enabled ? "'" + clusterName + "' joined as " + nodeName + "; members "
                + created.getMembers() : "off: this server is a cluster of one (recsys.cluster.enabled=false)"));
    }

    private ForkChannel openBus(DefaultCacheManager created) {
        JChannel main = GlobalComponentRegistry.componentOf(created, Transport.class) instanceof JGroupsTransport t
                ? t.getChannel() : null;
        if (main == null) {
            throw new IllegalStateException("the cluster transport is not JGroups");
        }
        try {
            ForkChannel fork = new ForkChannel(main, BUS_STACK, BUS_CHANNEL);
            fork.setReceiver(new BusReceiver());
            fork.connect(clusterName);
            return fork;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the cluster bus (is FORK at the top of the JGroups stack?): "
                    + e.getMessage(), e);
        }
    }

    /** The monotonic clock runs on while the process is stopped: a long gap between ticks is a pause. */
    private void noticePause() {
        long now = System.nanoTime();
        long gapMillis = (now - lastTick) / 1_000_000;
        lastTick = now;
        if (gapMillis > PAUSE_MILLIS) {
            LOG.warning(() -> "This member was paused for about " + gapMillis + " ms; catching up from the database");
            submitCatchUp("paused for " + gapMillis + " ms", java.time.Instant.now().minusMillis(gapMillis));
        }
    }

    private void submitCatchUp(String why, java.time.Instant missedFrom) {
        java.time.Instant since = missedFrom.minus(MISSED_MARGIN);
        onDeliveryThread(() -> catchUp.fire(new ClusterCatchUp(why, since)), "Catching up after '" + why + "'");
    }

    /** Runs work after what the delivery thread already has, logging rather than losing its failure. */
    private void onDeliveryThread(Runnable work, String what) {
        try {
            deliveries.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, what + " failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    @PreDestroy
    synchronized void stop() {
        pauseWatch.shutdownNow();
        deliveries.shutdownNow();
        if (bus != null) {
            bus.close();
            bus = null;
        }
        if (manager != null) {
            manager.stop();
            manager = null;
        }
    }

    public Cache<String, String> profiles() {
        return running().getCache(PROFILES);
    }

    /**
     * Tells every member: this one at once, in the caller's thread (so the caller's next read sees it), the others
     * without waiting for them (a member that is slow, hung or gone delays no one).
     */
    public void publish(String kind, Map<String, String> fields) {
        running();
        ClusterMessage message = new ClusterMessage(kind, nodeName, fields);
        delivery.fire(message);
        ForkChannel open = bus;
        if (open != null) {
            try {
                open.send(new BytesMessage(null, message.encode().getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not send " + kind + " to the other members; they catch up from the "
                        + "database (expiry, reconciliation)", e);
            }
        }
    }

    public String nodeName() {
        return nodeName;
    }

    public boolean clustered() {
        return enabled;
    }

    /** Current members' names (just this one when clustering is off). */
    public List<String> members() {
        DefaultCacheManager current = running();
        if (!enabled) {
            return List.of(nodeName);
        }
        return current.getMembers().stream().map(String::valueOf).toList();
    }

    private DefaultCacheManager running() {
        DefaultCacheManager current = manager;
        if (current == null) {
            start();
            current = manager;
        }
        return current;
    }

    private JGroupsChannelConfigurator channelConfigurator() {
        List<String> hosts = new ArrayList<>();
        for (String member : members.split(",")) {
            String trimmed = member.strip();
            if (!trimmed.isEmpty()) {
                hosts.add(trimmed.indexOf('[') < 0 ? trimmed + "[" + port + "]" : trimmed);
            }
        }
        Map<String, Map<String, String>> properties = Map.of(
                "TCP", Map.of("bind_addr", bindAddress, "bind_port", Integer.toString(port)),
                "TCPPING", Map.of("initial_hosts", String.join(",", hosts)));
        try {
            return ClusterChannels.configurator(stackFile.filter(f -> !f.isBlank()).map(java.nio.file.Path::of)
                    .orElse(null), properties, secret.orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the cluster channel: " + e.getMessage(), e);
        }
    }

    /** Hands the other members' messages and view changes to CDI observers, in order, off JGroups' threads. */
    private final class BusReceiver implements Receiver {

        private volatile View last;
        /** When each member last left this member's view: how far back a member that comes back may differ. */
        private final Map<Address, java.time.Instant> departedAt = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void receive(Message message) {
            ForkChannel open = bus;
            if (open != null && message.getSrc() != null && message.getSrc().equals(open.getAddress())) {
                return; // delivered to this member when it was published
            }
            String text = new String(message.getArray(), message.getOffset(), message.getLength(),
                    StandardCharsets.UTF_8);
            onDeliveryThread(() -> delivery.fire(ClusterMessage.decode(text)), "Applying a cluster message");
        }

        @Override
        public void viewAccepted(View view) {
            View previous = last;
            last = view;
            if (previous == null) {
                return; // the first view: start-up loads everything from the database anyway
            }
            java.time.Instant now = java.time.Instant.now();
            List<Address> joinedAddresses = view.getMembers().stream().filter(m -> !previous.containsMember(m))
                    .toList();
            List<String> joined = joinedAddresses.stream().map(String::valueOf).toList();
            List<Address> leftAddresses = previous.getMembers().stream().filter(m -> !view.containsMember(m))
                    .toList();
            leftAddresses.forEach(m -> departedAt.put(m, now));
            // Messages may be missing from when members that come back were last seen; a newcomer loaded
            // everything itself, and what it wrote before joining is at most the margin old.
            java.time.Instant missedFrom = joinedAddresses.stream().map(departedAt::remove)
                    .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(now);
            if (view instanceof MergeView) {
                // Both sides of a merge may have missed the other's messages, even one that never saw the split;
                // messages sent while the merge settles can be lost too, so catch up once more a little later.
                submitCatchUp("views merged into " + view.getMembers(), missedFrom);
                pauseWatch.schedule(() -> submitCatchUp("views merged " + MERGE_SETTLE_SECONDS + " s ago",
                        missedFrom), MERGE_SETTLE_SECONDS, TimeUnit.SECONDS);
            } else if (!joined.isEmpty()) {
                submitCatchUp("members " + joined + " joined or came back", missedFrom);
            } else if (!leftAddresses.isEmpty()) {
                // A member that crashed may have committed writes it never got to announce: read them from the
                // database now rather than when copies expire or popularity is next reconciled.
                submitCatchUp("members " + leftAddresses + " left", now);
            }
        }

    }
}
