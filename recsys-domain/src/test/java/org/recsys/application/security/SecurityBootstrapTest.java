package org.recsys.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.domain.model.apikey.ApiKeyScope;
import org.recsys.domain.model.consoleuser.ConsoleRole;
import org.recsys.domain.model.consoleuser.ConsoleUser;
import org.recsys.domain.model.consoleuser.ConsoleUserRepository;

class SecurityBootstrapTest {

    /** Stands in for Liberty's PBKDF2 bean: what matters here is that a hash is not the password. */
    static final class ReversingHash extends PasswordHashing {
        @Override
        public String generate(char[] password) {
            return "hash:" + new StringBuilder(new String(password)).reverse();
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            return generate(password).equals(hashedPassword);
        }
    }

    static final class InMemoryUsers implements ConsoleUserRepository {
        final List<ConsoleUser> stored = new ArrayList<>();

        @Override
        public Optional<ConsoleUser> find(String username) {
            return stored.stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public List<ConsoleUser> findAll() {
            return List.copyOf(stored);
        }

        @Override
        public void store(ConsoleUser user) {
            stored.add(user);
        }
    }

    @TempDir
    Path folder;

    private final InMemoryUsers users = new InMemoryUsers();
    private final ApiKeysTest.InMemoryKeys keys = new ApiKeysTest.InMemoryKeys();

    private SecurityBootstrap bootstrap(boolean demo, String adminPassword, String bootstrapKey, String... extra) {
        ConsoleUsers consoleUsers = new ConsoleUsers();
        consoleUsers.users = users;
        consoleUsers.hash = new ReversingHash();
        ApiKeys apiKeys = new ApiKeys();
        apiKeys.keys = keys;
        apiKeys.transactions = new org.recsys.application.Transactions();
        apiKeys.revoked = new RecordingEvent<>();
        SecurityBootstrap bootstrap = new SecurityBootstrap();
        bootstrap.consoleUsers = consoleUsers;
        bootstrap.apiKeys = apiKeys;
        bootstrap.demo = demo;
        bootstrap.adminUser = "admin";
        bootstrap.adminPassword = Optional.ofNullable(adminPassword);
        bootstrap.extraUsers = Optional.of(List.of(extra));
        bootstrap.bootstrapKey = Optional.ofNullable(bootstrapKey);
        bootstrap.operatorKey = Optional.empty();
        bootstrap.credentialsFile = folder.resolve("demo-credentials.properties").toString();
        return bootstrap;
    }

    private Properties credentialsFile() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("demo-credentials.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void demoModeGeneratesAnAdminPasswordAndAKeyOnceAndWritesThem() throws IOException {
        bootstrap(true, null, null).bootstrap();

        Properties file = credentialsFile();
        String password = file.getProperty("console.password");
        assertThat(file.getProperty("console.user")).isEqualTo("admin");
        assertThat(password).hasSizeGreaterThanOrEqualTo(ConsoleUsers.MIN_PASSWORD_LENGTH);
        assertThat(users.find("admin")).map(ConsoleUser::role).hasValue(ConsoleRole.ADMIN);
        assertThat(users.find("admin").orElseThrow().passwordHash()).doesNotContain(password);
        String token = file.getProperty("api.key");
        String operatorToken = file.getProperty("operator.key");
        assertThat(keys.stored).hasSize(2);
        assertThat(keys.stored).filteredOn(k -> k.tokenHash().equals(Secrets.sha256Hex(token)))
                .singleElement().satisfies(k -> assertThat(k.scope()).isEqualTo(ApiKeyScope.WRITE));
        assertThat(keys.stored).filteredOn(k -> k.tokenHash().equals(Secrets.sha256Hex(operatorToken)))
                .singleElement().satisfies(k -> assertThat(k.scope()).isEqualTo(ApiKeyScope.OPERATE));

        // A second start generates nothing new: the first credentials stay valid.
        bootstrap(true, null, null).bootstrap();
        assertThat(users.stored).hasSize(1);
        assertThat(keys.stored).hasSize(2);
        assertThat(credentialsFile().getProperty("console.password")).isEqualTo(password);
    }

    @Test
    void aConfiguredOperatorKeyIsStoredWithScopeOperateApartFromThePartnerKey() {
        SecurityBootstrap bootstrap = bootstrap(false, null, "configured-bootstrap-key-0123456789");
        bootstrap.operatorKey = Optional.of("configured-operator-key-0123456789");
        bootstrap.bootstrap();

        assertThat(keys.stored).hasSize(2);
        assertThat(keys.stored).filteredOn(k -> k.id().equals("bootstrap")).singleElement()
                .satisfies(k -> assertThat(k.scope()).isEqualTo(ApiKeyScope.WRITE));
        assertThat(keys.stored).filteredOn(k -> k.id().equals("operator")).singleElement()
                .satisfies(k -> assertThat(k.scope()).isEqualTo(ApiKeyScope.OPERATE));
    }

    @Test
    void withoutDemoModeNothingIsGenerated() {
        bootstrap(false, null, null).bootstrap();
        assertThat(users.stored).isEmpty();
        assertThat(keys.stored).isEmpty();
        assertThat(folder.resolve("demo-credentials.properties")).doesNotExist();
    }

    @Test
    void configuredCredentialsAreStoredAndAPasswordChangeTakesEffect() {
        String key = "configured-bootstrap-key-0123456789";
        bootstrap(false, "first-admin-password", key, "ops:operator:operator-password").bootstrap();
        assertThat(users.find("ops")).map(ConsoleUser::role).hasValue(ConsoleRole.OPERATOR);
        assertThat(keys.stored).singleElement().satisfies(k -> assertThat(k.scope()).isEqualTo(ApiKeyScope.WRITE));

        bootstrap(false, "second-admin-password", key).bootstrap();
        ConsoleUsers check = new ConsoleUsers();
        check.users = users;
        check.hash = new ReversingHash();
        assertThat(check.verify("admin", "second-admin-password".toCharArray())).isPresent();
        assertThat(check.verify("admin", "first-admin-password".toCharArray())).isEmpty();
        assertThat(keys.stored).hasSize(1);
        assertThat(folder.resolve("demo-credentials.properties")).doesNotExist();
    }
}
