package org.recsys.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StrandedConnectionsTest {

    private static final long MINUTE = 60_000;

    @Test
    void connectionsWithoutHandleInEverySampleOfTheWindowAreStranded() {
        StrandedConnections stranded = new StrandedConnections(10 * MINUTE);
        long stuck = 0;
        for (long minute = 0; minute <= 10; minute++) {
            stuck = stranded.add(minute * MINUTE, minute % 2 == 0 ? 4 : 3);
        }
        assertThat(stuck).as("the smallest count over the window").isEqualTo(3);
    }

    @Test
    void nothingIsStrandedBeforeTheSamplesCoverTheWindow() {
        StrandedConnections stranded = new StrandedConnections(10 * MINUTE);
        for (long minute = 0; minute < 10; minute++) {
            assertThat(stranded.add(minute * MINUTE, 5)).isZero();
        }
    }

    @Test
    void oneSampleAtZeroInTheWindowClearsIt() {
        StrandedConnections stranded = new StrandedConnections(10 * MINUTE);
        for (long minute = 0; minute <= 20; minute++) {
            long stuck = stranded.add(minute * MINUTE, minute == 15 ? 0 : 2);
            if (minute >= 15) {
                assertThat(stuck).as("minute %d", minute).isZero();
            }
        }
        assertThat(stranded.add(26 * MINUTE, 2)).as("window past the zero sample").isEqualTo(2);
    }

    @Test
    void resetForgetsTheWindow() {
        StrandedConnections stranded = new StrandedConnections(MINUTE);
        stranded.add(0, 1);
        assertThat(stranded.add(MINUTE, 1)).isEqualTo(1);
        stranded.reset();
        assertThat(stranded.add(2 * MINUTE, 1)).isZero();
    }

    @Test
    void inUseIsManagedNeitherFreeNorBehindAHandle() {
        assertThat(StrandedConnections.withoutHandle(20, 16, 0)).isEqualTo(4);
        assertThat(StrandedConnections.withoutHandle(20, 16, 6)).isZero();
    }
}
