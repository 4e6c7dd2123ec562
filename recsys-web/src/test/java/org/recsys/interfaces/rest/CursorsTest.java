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
