package org.recsys.infrastructure.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

/**
 * This member's view of the cluster. With {@code recsys.cluster.enabled=false} (the default) it is a cluster of one
 * with local caches; otherwise it joins the members listed in {@code recsys.cluster.members} over TCP, with the JGroups
 * stack of {@code recsys-jgroups.xml} (or {@code recsys.cluster.stack-file}) and every message encrypted with the key
 * of {@code recsys.cluster.secret} (see {@link ClusterChannels}).
 *
 * <ul>
 *   <li>{@code profiles}: user id to encoded profile, distributed with two owners, synchronous: a profile written on
 *       one member is what every member reads next.</li>
 *   <li>{@code bus}: replicated, synchronous, entries live a minute; every member's listener turns new entries into
 *       {@link ClusterMessage} CDI events, so the sender knows on return that every member has been told.</li>
 * </ul>
 */
@ApplicationScoped
public class RecsysCluster {

    private static final Logger LOG = Logger.getLogger(RecsysCluster.class.getName());

    static final String PROFILES = "profiles";
    static final String BUS = "bus";

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
    Event<ClusterMessage> delivery;

    private volatile DefaultCacheManager manager;
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
        ConfigurationBuilder bus = new ConfigurationBuilder();
        if (enabled) {
            profiles.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(2);
            bus.clustering().cacheMode(CacheMode.REPL_SYNC);
        }
        bus.expiration().lifespan(1, TimeUnit.MINUTES).wakeUpInterval(30, TimeUnit.SECONDS);
        created.defineConfiguration(PROFILES, profiles.build());
        created.defineConfiguration(BUS, bus.build());
        created.getCache(PROFILES);
        Cache<String, String> busCache = created.getCache(BUS);
        busCache.addListener(new BusListener());
        manager = created;
        LOG.info(() -> "Cluster " + (enabled ? "'" + clusterName + "' joined as " + nodeName + "; members "
                + created.getMembers() : "off: this server is a cluster of one (recsys.cluster.enabled=false)"));
    }

    @PreDestroy
    synchronized void stop() {
        if (manager != null) {
            manager.stop();
            manager = null;
        }
    }

    public Cache<String, String> profiles() {
        return running().getCache(PROFILES);
    }

    /** Tells every member, this one included; returns once all have received it. */
    public void publish(String kind, Map<String, String> fields) {
        running().<String, String>getCache(BUS).put(UUID.randomUUID().toString(),
                new ClusterMessage(kind, nodeName, fields).encode());
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

    /** Turns new bus entries into CDI events on this member. */
    @Listener(sync = true)
    public final class BusListener {

        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<String, String> event) {
            if (!event.isPre()) {
                delivery.fire(ClusterMessage.decode(event.getValue()));
            }
        }
    }
}
