package org.recsys.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgroups.JChannel;
import org.jgroups.ObjectMessage;
import org.jgroups.Receiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JGroups channels on loopback, built from the bundled stack as the server builds them. */
class ClusterChannelsTest {

    private static final String SECRET = "the-shared-cluster-secret-of-this-test";
    private final List<JChannel> opened = new ArrayList<>();
    private final String cluster = "recsys-test-" + UUID.randomUUID();

    @AfterEach
    void close() {
        opened.forEach(JChannel::close);
    }

    /**
     * A port free now, below Linux's ephemeral range (32768-60999): an ephemeral port can be handed to a member's
     * own outgoing connection to another listed member before that one binds it (a CI run saw it), as the
     * integration tests' {@code LibertyServer.freePort} says too.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private JChannel member(int port, String members, String secret) throws Exception {
        JChannel channel = ClusterChannels.create(null, Map.of(
                "TCP", Map.of("bind_addr", "127.0.0.1", "bind_port", Integer.toString(port)),
                "TCPPING", Map.of("initial_hosts", members),
                // A stranger gives up after two joins of half a second instead of ten of two seconds.
                "GMS", Map.of("join_timeout", "500", "max_join_attempts", "2")), secret);
        opened.add(channel);
        channel.connect(cluster);
        return channel;
    }

    private static void awaitViewSize(JChannel channel, int size) throws InterruptedException {
        for (int i = 0; i < 100 && channel.getView().size() != size; i++) {
            Thread.sleep(100);
        }
        assertThat(channel.getView().size()).as(channel.getView().toString()).isEqualTo(size);
    }

    @Test
    void membersWithTheSecretFormAClusterAndAStrangerWithoutItCannotJoin() throws Exception {
        int a = freePort();
        int b = freePort();
        int c = freePort();
        String all = "127.0.0.1[" + a + "],127.0.0.1[" + b + "],127.0.0.1[" + c + "]";
        JChannel first = member(a, all, SECRET);
        JChannel second = member(b, all, SECRET);
        awaitViewSize(first, 2);
        List<Object> received = new CopyOnWriteArrayList<>();
        second.setReceiver(new Receiver() {
            @Override
            public void receive(org.jgroups.Message message) {
                received.add(message.getObject());
            }
        });

        // Same cluster name, listed as a member, reachable: only the secret differs.
        JChannel stranger = member(c, all, "a-different-secret-of-the-stranger");
        Thread.sleep(1500);

        assertThat(stranger.getView().size()).as("the stranger stays a cluster of one: " + stranger.getView())
                .isEqualTo(1);
        assertThat(first.getView().getMembers()).as("the members never see it").hasSize(2)
                .doesNotContain(stranger.getAddress());
        assertThat(second.getView().getMembers()).hasSize(2).doesNotContain(stranger.getAddress());

        first.send(new ObjectMessage(null, "profile changed"));
        for (int i = 0; i < 50 && received.isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(received).as("members still talk to each other, encrypted").containsExactly("profile changed");
    }

    @Test
    void noSecretOrAShortOneIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> ClusterChannels.create(null, Map.of(), null))
                .hasMessageContaining("RECSYS_CLUSTER_SECRET");
        assertThatThrownBy(() -> ClusterChannels.create(null, Map.of(), "short"))
                .hasMessageContaining("at least 16");
    }

    @Test
    void aStackFileWithoutEncryptionIsRefused(@TempDir Path folder) throws Exception {
        String bundled;
        try (InputStream in = ClusterChannels.class.getResourceAsStream(ClusterChannels.BUNDLED_STACK)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path plain = folder.resolve("plain.xml");
        Files.writeString(plain, bundled.replaceAll("<SYM_ENCRYPT[^>]*/>", "").replace("<SERIALIZE/>", ""));

        assertThatThrownBy(() -> ClusterChannels.create(plain, Map.of(), SECRET))
                .hasMessageContaining("no SYM_ENCRYPT");
        Path above = folder.resolve("above.xml");
        String encrypt = bundled.substring(bundled.indexOf("<SYM_ENCRYPT"), bundled.indexOf("/>",
                bundled.indexOf("<SYM_ENCRYPT")) + 2);
        Files.writeString(above, bundled.replace(encrypt, "").replace("<MFC_NB/>", encrypt + "\n    <MFC_NB/>"));
        assertThatThrownBy(() -> ClusterChannels.create(above, Map.of(), SECRET))
                .hasMessageContaining("above GMS");
    }

    @Test
    void everyMemberDerivesTheSameKeyFromTheSecret() {
        assertThat(ClusterChannels.key(SECRET).getEncoded()).isEqualTo(ClusterChannels.key(" " + SECRET + " ")
                .getEncoded()).hasSize(32);
        assertThat(ClusterChannels.key(SECRET).getEncoded()).isNotEqualTo(ClusterChannels.key(SECRET + "x")
                .getEncoded());
    }
}
