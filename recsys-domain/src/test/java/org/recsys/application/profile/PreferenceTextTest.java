package org.recsys.application.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreferenceTextTest {

    @Test
    void clausesPullTowardsOrAwayAndLoseTheirFrameWords() {
        assertThat(TestProfiles.clauses("More jazz guitar, no cables; fewer books. I love vinyl!"))
                .extracting(PreferenceText.Clause::text, PreferenceText.Clause::weight)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("jazz guitar", 1.0),
                        org.assertj.core.groups.Tuple.tuple("cables", -1.0),
                        org.assertj.core.groups.Tuple.tuple("books", -1.0),
                        org.assertj.core.groups.Tuple.tuple("vinyl", 1.0));
    }

    @Test
    void butSplitsAClauseAndEmptyTextSaysNothing() {
        assertThat(TestProfiles.clauses("drums but not cymbals"))
                .extracting(PreferenceText.Clause::weight).containsExactly(1.0, -1.0);
        assertThat(TestProfiles.clauses(" , ; ")).isEmpty();
    }
}
