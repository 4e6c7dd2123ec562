package org.recsys.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
        String hash = hashing.generate("correct horse battery".toCharArray());

        assertThat(hash).startsWith("PBKDF2WithHmacSHA256:210000:");
        assertThat(hashing.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hashing.verify("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(hashing.generate("correct horse battery".toCharArray())).isNotEqualTo(hash);
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertThat(hashing.verify("x".toCharArray(), null)).isFalse();
        assertThat(hashing.verify("x".toCharArray(), "PBKDF2WithHmacSHA256:1000:not-base64!:zz")).isFalse();
        assertThat(hashing.verify("x".toCharArray(), "MD5:1:AA==:AA==")).isFalse();
    }
}
