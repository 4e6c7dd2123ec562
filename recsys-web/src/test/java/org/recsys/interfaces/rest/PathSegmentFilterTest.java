package org.recsys.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathSegmentFilterTest {

    @Test
    void matrixParametersAndDotSegmentsAreRefusedOrdinaryIdsPass() {
        assertThat(PathSegmentFilter.problem("/api/v1/users/adv-a;b")).contains("';'");
        assertThat(PathSegmentFilter.problem("/api/v1/users/x;y=1")).contains("';'");
        assertThat(PathSegmentFilter.problem("/api/v1/users/..")).contains("'..'");
        assertThat(PathSegmentFilter.problem("/api/v1/items/%2E")).contains("'.'");
        assertThat(PathSegmentFilter.problem("/api/v1/users/u-1.2@x:y+z/recommendations")).isNull();
        assertThat(PathSegmentFilter.problem("/api/v1/users/a..b")).isNull();
    }
}
