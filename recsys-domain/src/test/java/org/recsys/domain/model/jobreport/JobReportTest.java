package org.recsys.domain.model.jobreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobReportTest {

    private static final String BODY = "{\"executionId\":3,\"rules\":[{\"rule\":\"burst\",\"count\":2,\"examples\":["
            + "{\"eventId\":1,\"userId\":\"u-7\",\"detail\":\"my words\"},{\"eventId\":2,\"userId\":\"u-70\"}]},"
            + "{\"rule\":\"copied-text\",\"examples\":[{\"eventId\":5,\"userId\":\"u-7\",\"itemId\":\"i-1\"}]}]}";

    @Test
    void findsAndForgetsOnlyTheExamplesNamingTheUser() {
        JobReport report = new JobReport("clean-data", 3, Instant.now(), BODY);

        assertThat(report.examplesNaming("u-7")).containsExactly(
                "{\"eventId\":1,\"userId\":\"u-7\",\"detail\":\"my words\"}",
                "{\"eventId\":5,\"userId\":\"u-7\",\"itemId\":\"i-1\"}");
        assertThat(report.examplesNaming("u-")).isEmpty();

        assertThat(report.forget("u-7")).isTrue();
        assertThat(report.body()).doesNotContain("\"u-7\"", "my words").contains("\"u-70\"", "\"count\":2");
        assertThat(report.examplesNaming("u-7")).isEmpty();
        assertThat(report.forget("u-7")).as("nothing left to forget").isFalse();
    }
}
