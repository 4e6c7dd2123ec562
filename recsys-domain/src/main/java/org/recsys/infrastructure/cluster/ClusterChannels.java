package org.recsys.infrastructure.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.conf.XmlConfigurator;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.stack.Protocol;
import org.jgroups.util.SocketFactory;

/**
 * Builds the cluster's JGroups channel from a JGroups XML stack file (the bundled {@code recsys-jgroups.xml} unless
 * another is named), with this member's address, port and member list filled in, and the AES key of SYM_ENCRYPT
 * derived from the cluster secret. The key is handed to the protocol before it starts, so it never sits in a key store
 * file or a system property.
 */
final class ClusterChannels {

    static final String BUNDLED_STACK = "recsys-jgroups.xml";
    /** The shortest secret accepted: 16 characters leave no room for guessing. */
    static final int MIN_SECRET_LENGTH = 16;

    private ClusterChannels() {
    }

    /**
     * A channel, not yet connected.
     *
     * @param stackFile  a JGroups XML stack file, or {@code null} for the bundled one
     * @param properties protocol name to property values set over the file's (e.g. {@code TCP} to {@code bind_port})
     * @param secret     the cluster secret every member shares
     */
    static JChannel create(Path stackFile, Map<String, Map<String, String>> properties, String secret)
            throws Exception {
        return configurator(stackFile, properties, secret).createChannel(null);
    }

    /**
     * The channel as Infinispan wants it handed over: a configurator it asks for the channel when the cache manager
     * starts. (A {@code JGroupsTransport} built around a ready channel is not kept: Infinispan 15 copies the
     * configuration into a fresh transport, which then falls back to its default UDP stack, multicast discovery
     * included, and lets anyone with the cluster name in.)
     */
    static JGroupsChannelConfigurator configurator(Path stackFile, Map<String, Map<String, String>> properties,
                                                  String secret) throws IOException {
        SecretKeySpec key = key(secret);
        List<ProtocolConfiguration> stack;
        try (InputStream in = stackFile == null ? ClusterChannels.class.getResourceAsStream(BUNDLED_STACK)
                : Files.newInputStream(stackFile)) {
            if (in == null) {
                throw new IOException("the bundled " + BUNDLED_STACK + " is missing");
            }
            stack = XmlConfigurator.getInstance(in).getProtocolStack();
        }
        int encryption = -1;
        int membership = -1;
        for (int i = 0; i < stack.size(); i++) {
            ProtocolConfiguration protocol = stack.get(i);
            String name = protocol.getProtocolName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            properties.getOrDefault(simple, Map.of()).forEach(protocol.getProperties()::put);
            encryption = simple.equals("SYM_ENCRYPT") ? i : encryption;
            membership = simple.equals("GMS") ? i : membership;
        }
        // Listed bottom to top: encryption must sit below group membership, or a stranger's JOIN goes through.
        if (encryption < 0 || membership < 0 || encryption > membership) {
            throw new IllegalArgumentException("the JGroups stack " + (stackFile == null ? BUNDLED_STACK : stackFile)
                    + (encryption < 0 ? " has no SYM_ENCRYPT" : " has SYM_ENCRYPT above GMS or no GMS")
                    + ": cluster traffic must be encrypted below group membership");
        }
        List<ProtocolConfiguration> configured = stack;
        return new JGroupsChannelConfigurator() {
            @Override
            public String getProtocolStackString() {
                return configured.toString();
            }

            @Override
            public List<ProtocolConfiguration> getProtocolStack() {
                return configured;
            }

            @Override
            public void afterCreation(Protocol protocol) {
                if (protocol instanceof SYM_ENCRYPT encrypt) {
                    encrypt.setSecretKey(key);
                }
            }

            @Override
            public String getName() {
                return stackFile == null ? BUNDLED_STACK : stackFile.toString();
            }

            @Override
            public JChannel createChannel(String name) throws Exception {
                return new JChannel(this);
            }

            @Override
            public void setSocketFactory(SocketFactory socketFactory) {
                // JGroups' own sockets: the stack file's TCP settings apply.
            }

            @Override
            public void setDataSource(DataSource dataSource) {
                // No JDBC discovery in this stack.
            }
        };
    }

    /** AES-256 from the secret: every member derives the same key, nothing random per process. */
    static SecretKeySpec key(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a clustered member needs recsys.cluster.secret "
                    + "(RECSYS_CLUSTER_SECRET), the same on every member, at least " + MIN_SECRET_LENGTH
                    + " characters, e.g. from 'openssl rand -base64 32'");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ("recsys-cluster-key:" + secret.strip()).getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
