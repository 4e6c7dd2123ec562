package org.recsys.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recsys.application.InvalidInputException;

class CursorsTest {

    @Test
    void aCursorGivesBackItsPosition() {
        assertThat(Cursors.decode(Cursors.encode("user:42/ü"))).isEqualTo("user:42/ü");
        assertThat(Cursors.decode(null)).isNull();
        assertThat(Cursors.decode(" ")).isNull();
    }

    @Test
    void anEditedOrHandBuiltCursorIsRefused() {
        String cursor = Cursors.encode("user-41");
        String position = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                java.nio.charset.StandardCharsets.UTF_8);
        String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                position.replace("user-41", "user-99").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String handBuilt = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "user-99".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : new String[] {edited, handBuilt}) {
            assertThatThrownBy(() -> Cursors.decode(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        }
        assertThat(Cursors.decode(cursor)).isEqualTo("user-41");
    }

    @Test
    void foreignCursorsAndBadLimitsAreFieldErrors() {
        assertThatThrownBy(() -> Cursors.decode("!!!")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> Cursors.limit("0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursors.limit("1001")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Cursors.limit("ten")).isInstanceOf(InvalidInputException.class);
        assertThat(Cursors.limit(null)).isEqualTo(Cursors.DEFAULT_LIMIT);
        assertThat(Cursors.limit(" 7 ")).isEqualTo(7);
    }
}
