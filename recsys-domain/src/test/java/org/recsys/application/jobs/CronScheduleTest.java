package org.recsys.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.recsys.application.InvalidInputException;

class CronScheduleTest {

    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00.250Z");

    @Test
    void nextRunsFollowTheCronExpressionInUtc() {
        assertThat(JobScheduler.next("0 3 * * *", NOON)).isEqualTo(Instant.parse("2026-11-29T03:00:00Z"));
        assertThat(JobScheduler.next("*/10 * * * * *", NOON)).isEqualTo(Instant.parse("2026-11-28T12:00:10Z"));
        assertThat(JobScheduler.next("30 2 * * MON", NOON)).isEqualTo(Instant.parse("2026-11-30T02:30:00Z"));
    }

    @Test
    void aBadExpressionIsAnInputErrorOnTheCronField() {
        assertThatThrownBy(() -> JobScheduler.next("every night", NOON))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("cron"));
    }
}
