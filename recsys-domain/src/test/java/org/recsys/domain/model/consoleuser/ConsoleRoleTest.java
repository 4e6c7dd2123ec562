package org.recsys.domain.model.consoleuser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleRoleTest {

    @Test
    void eachRoleHoldsTheRolesBelowIt() {
        assertThat(ConsoleRole.VIEWER.groups()).containsExactly("viewer");
        assertThat(ConsoleRole.OPERATOR.groups()).containsExactlyInAnyOrder("viewer", "operator");
        assertThat(ConsoleRole.ADMIN.groups()).containsExactlyInAnyOrder("viewer", "operator", "admin");
    }
}
