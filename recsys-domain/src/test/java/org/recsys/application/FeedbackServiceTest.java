package org.recsys.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recsys.application.event.FeedbackRecorded;
import org.recsys.application.event.FeedbackRemoved;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.jobreport.JobReport;
import org.recsys.infrastructure.persistence.JpaErasureRequestRepository;
import org.recsys.infrastructure.persistence.JpaJobReportRepository;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemDescription;
import org.recsys.infrastructure.persistence.JpaFeedbackRepository;
import org.recsys.infrastructure.persistence.JpaImpressionRepository;
import org.recsys.infrastructure.persistence.JpaItemRepository;
import org.recsys.infrastructure.persistence.JpaStrategyStatsRepository;
import org.recsys.application.profile.TestProfiles;
import org.recsys.infrastructure.persistence.JpaUserProfileRepository;
import org.recsys.infrastructure.persistence.JpaUserRepository;
import org.recsys.infrastructure.persistence.TestDatabase;

/** Recording feedback on real Hibernate and real databases, wired by hand as the container would. */
class FeedbackServiceTest {

    /** The service graph over one entity manager, with resource-local transactions in place of JTA. */
    static final class Wired {
        final FeedbackService service = new FeedbackService();
        final RecordingEvent<FeedbackRecorded> recorded = new RecordingEvent<>();
        final RecordingEvent<FeedbackRemoved> removed = new RecordingEvent<>();
        final UserService userService = new UserService();

        Wired(EntityManager em) {
            var users = new JpaUserRepository(em);
            userService.users = users;
            userService.feedback = new JpaFeedbackRepository(em);
            userService.impressions = new JpaImpressionRepository(em);
            userService.usersChanged = new RecordingEvent<>();
            userService.userErased = new RecordingEvent<>();
            userService.feedbackRemoved = removed;
            userService.reports = new JpaJobReportRepository(em);
            userService.profiles = new JpaUserProfileRepository(em);
            userService.erasures = new JpaErasureRequestRepository(em);
            service.feedback = new JpaFeedbackRepository(em);
            service.users = users;
            service.items = new JpaItemRepository(em);
            service.userService = userService;
            service.recorded = recorded;
            service.createUnknownUsers = true;
            service.strategyStats = new JpaStrategyStatsRepository(em);
            service.metrics = ServingMetrics.none();
            service.profiles = TestProfiles.learningWithoutCatalogue(em, users);
            service.transactions = new Transactions() {
                @Override
                public <T> T inNewTransaction(Supplier<T> work) {
                    em.getTransaction().begin();
                    try {
                        T result = work.get();
                        em.getTransaction().commit();
                        return result;
                    } catch (RuntimeException e) {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        em.clear();
                        throw e;
                    }
                }

                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    return inNewTransaction(work);
                }
            };
            userService.transactions = service.transactions;
        }
    }

    private static NewFeedback click(String user, String item, String key) {
        return new NewFeedback(user, item, FeedbackType.CLICK, null, null, null, null, key);
    }

    private static void items(TestDatabase db, String... ids) {
        db.inTransaction(em -> {
            for (String id : ids) {
                em.persist(new Item(id, new ItemDescription(id, null, List.of(), Map.of()), "test", Instant.now()));
            }
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void storesNewEventsOnceAndCreatesUnknownUsers(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            items(db, "a", "b");
            Wired wired = new Wired(db.entityManager());
            List<NewFeedback> batch = List.of(click("u1", "a", "k1"), click("u1", "b", "k2"),
                    click("u2", "a", "k1"), click("u2", "b", null));

            RecordOutcome first = wired.service.recordWithRetry(batch, "test");
            RecordOutcome again = wired.service.recordWithRetry(batch, "test");

            // A key names one event of one user: u2's k1 is not u1's k1.
            assertThat(first.stored()).isEqualTo(4);
            var profileU1 = new JpaUserProfileRepository(db.entityManager()).find("u1").orElseThrow();
            assertThat(profileU1.state().consumed()).containsExactly("b", "a");
            assertThat(profileU1.state().events()).isEqualTo(2);
            assertThat(first.duplicates()).isZero();
            assertThat(first.usersCreated()).isEqualTo(2);
            assertThat(again.stored()).isEqualTo(1);
            assertThat(again.duplicates()).isEqualTo(3);
            assertThat(again.usersCreated()).isZero();
            assertThat(wired.recorded.fired).hasSize(2);
            assertThat(wired.recorded.fired.get(0).events()).hasSize(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void erasingAUserRemovesTheirEventsAndReportExamplesAndTellsWhatTheyCounted(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            items(db, "a", "b");
            Wired wired = new Wired(db.entityManager());
            wired.service.recordWithRetry(List.of(click("gone", "a", "k1"), click("gone", "b", null),
                    click("stays", "a", "k1")), "test");
            db.inTransaction(em -> {
                new JpaJobReportRepository(em).store(new JobReport("clean-data", 1, Instant.now(), "{\"rules\":[{\"rule\":\"burst\","
                        + "\"examples\":[{\"eventId\":1,\"userId\":\"gone\",\"detail\":\"my secret text\"},"
                        + "{\"eventId\":3,\"userId\":\"stays\"}]}]}"));
                return null;
            });

            Erasure erasure = wired.userService.erase("gone");

            var feedback = new JpaFeedbackRepository(db.entityManager());
            assertThat(feedback.countForUser("gone")).isZero();
            assertThat(feedback.countForUser("stays")).isEqualTo(1);
            assertThat(new JpaUserRepository(db.entityManager()).find("gone")).isEmpty();
            String report = new JpaJobReportRepository(db.entityManager()).latest("clean-data").orElseThrow().body();
            assertThat(report).doesNotContain("gone").doesNotContain("my secret text").contains("stays");
            assertThat(erasure).isEqualTo(new Erasure("gone", 2, 0, true, 1, false));
            assertThat(wired.removed.fired).hasSize(1);
            assertThat(wired.removed.fired.get(0).events()).extracting(FeedbackEvent::itemId)
                    .containsExactlyInAnyOrder("a", "b");
            assertThatThrownBy(() -> wired.userService.erase("gone")).isInstanceOf(UnknownEntityException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInvalidEventRejectsTheWholeBatchNamingEachBadOne(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            items(db, "a");
            Wired wired = new Wired(db.entityManager());
            List<NewFeedback> batch = List.of(click("u1", "a", "k1"), click("u1", "missing", null),
                    new NewFeedback("u1", "a", FeedbackType.RATING, 6.0, null, null, null, null));

            assertThatThrownBy(() -> wired.service.recordWithRetry(batch, "test"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("events[1].itemId", "events[2].value"));
            assertThat(new JpaFeedbackRepository(db.entityManager()).count()).isZero();
            assertThat(new JpaUserRepository(db.entityManager()).count()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theSameBatchFromTwoWritersAtOnceIsStoredOnce(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            items(db, "a", "b", "c");
            List<NewFeedback> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                batch.add(click("u" + i % 7, List.of("a", "b", "c").get(i % 3), "key-" + i));
            }
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<RecordOutcome>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Wired wired = new Wired(db.entityManager());
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return wired.service.recordWithRetry(batch, "test");
                }));
            }

            List<RecordOutcome> outcomes = writers.stream().map(CompletableFuture::join).toList();

            assertThat(outcomes.stream().mapToInt(RecordOutcome::stored).sum()).isEqualTo(3_000);
            assertThat(outcomes.stream().mapToInt(RecordOutcome::duplicates).sum()).isEqualTo(3_000);
            assertThat(new JpaFeedbackRepository(db.entityManager()).count()).isEqualTo(3_000);
            assertThat(new JpaUserRepository(db.entityManager()).count()).isEqualTo(7);
        }
    }
}
