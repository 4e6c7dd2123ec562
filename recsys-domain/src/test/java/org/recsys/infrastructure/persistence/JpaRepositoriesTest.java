package org.recsys.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recsys.application.Transactions;
import org.recsys.domain.model.dataimport.DatasetImport;
import org.recsys.domain.model.dataimport.ImportFormat;
import org.recsys.domain.model.dataimport.RejectedLine;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemDescription;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.domain.model.registry.ModelStatus;
import org.recsys.domain.model.registry.ModelVersion;
import org.recsys.domain.model.schedule.JobClaim;
import org.recsys.domain.model.user.User;

/** The repositories on real Hibernate over the real schema, on H2 and on PostgreSQL. */
class JpaRepositoriesTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00.123456Z");

    private static void seed(TestDatabase db, int users, int items) {
        db.inTransaction(em -> {
            for (int i = 0; i < users; i++) {
                em.persist(new User(String.format("u%05d", i), Map.of("name", "Zoë " + i), null, "test", NOW));
            }
            for (int i = 0; i < items; i++) {
                em.persist(new Item(String.format("i%05d", i),
                        new ItemDescription("Item " + i + (i % 2 == 0 ? " 100% cotton" : " jazz_guitar"),
                                "desc", List.of("c" + i % 3), Map.of()), "test", NOW));
            }
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void usersRoundTripAndPageByIdAcrossInListSlices(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            seed(db, 2_500, 0);
            var em = db.entityManager();
            var users = new JpaUserRepository(em);

            List<String> ids = IntStream.range(0, 2_600).mapToObj(i -> String.format("u%05d", i)).toList();
            assertThat(users.existingIds(ids)).hasSize(2_500);
            assertThat(users.findAll(ids)).hasSize(2_500);
            User read = users.find("u00007").orElseThrow();
            assertThat(read.attributes()).containsEntry("name", "Zoë 7");
            assertThat(read.createdAt()).isEqualTo(NOW);

            List<String> walked = new ArrayList<>();
            String after = null;
            List<User> page;
            do {
                page = users.listAfter(after, 700);
                page.forEach(u -> walked.add(u.id()));
                after = page.isEmpty() ? null : page.get(page.size() - 1).id();
            } while (page.size() == 700);
            assertThat(walked).hasSize(2_500).isSorted().doesNotHaveDuplicates();
            assertThat(users.count()).isEqualTo(2_500);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void itemSearchIsCaseInsensitiveAndTreatsWildcardsLiterally(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            seed(db, 0, 10);
            var items = new JpaItemRepository(db.entityManager());

            assertThat(items.listAfter(null, "100%", 100)).extracting(Item::id)
                    .containsExactly("i00000", "i00002", "i00004", "i00006", "i00008");
            assertThat(items.listAfter(null, "JAZZ_", 100)).hasSize(5);
            assertThat(items.listAfter(null, "_", 100)).hasSize(5);
            assertThat(items.listAfter("i00005", "item", 2)).extracting(Item::id).containsExactly("i00006", "i00007");
            assertThat(items.find("i00003").orElseThrow().categories()).containsExactly("c0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void feedbackIsStoredInBulkReadNewestFirstAndKeysAreUniquePerUser(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            seed(db, 2, 3);
            db.inTransaction(em -> {
                List<FeedbackEvent> events = new ArrayList<>();
                for (int i = 0; i < 1_200; i++) {
                    events.add(new FeedbackEvent(new NewFeedback("u00000", "i0000" + i % 3, FeedbackType.VIEW, null,
                            null, NOW.plusSeconds(i % 600), null, "k" + i), "test", NOW));
                }
                new JpaFeedbackRepository(em).storeAll(events);
                return null;
            });
            var feedback = new JpaFeedbackRepository(db.entityManager());

            assertThat(feedback.countForUser("u00000")).isEqualTo(1_200);
            List<String> keys = IntStream.range(1_000, 1_300).mapToObj(i -> "k" + i).toList();
            assertThat(feedback.existingIdempotencyKeys(keys)).hasSize(200);

            List<FeedbackEvent> first = feedback.listForUser("u00000", null, null, 3);
            assertThat(first).extracting(FeedbackEvent::occurredAt)
                    .containsExactly(NOW.plusSeconds(599), NOW.plusSeconds(599), NOW.plusSeconds(598));
            FeedbackEvent last = first.get(2);
            List<FeedbackEvent> next = feedback.listForUser("u00000", last.occurredAt(), last.id(), 1_200);
            assertThat(next).hasSize(1_197);
            assertThat(next).noneMatch(e -> first.stream().anyMatch(f -> f.id().equals(e.id())));

            assertThatThrownBy(() -> db.inTransaction(em -> {
                new JpaFeedbackRepository(em).storeAll(List.of(new FeedbackEvent(new NewFeedback("u00000",
                        "i00000", FeedbackType.CLICK, null, null, null, null, "k7"), "test", NOW)));
                return null;
            })).satisfies(e -> assertThat(Transactions.isUniqueViolation(e)).isTrue());
            // Keys are unique per user: another user's k7 is another event.
            db.inTransaction(em -> {
                new JpaFeedbackRepository(em).storeAll(List.of(new FeedbackEvent(new NewFeedback("u00001",
                        "i00000", FeedbackType.CLICK, null, null, null, null, "k7"), "test", NOW)));
                return null;
            });
            assertThat(feedback.withIdempotencyKeys(List.of("k7"))).extracting(FeedbackEvent::userId)
                    .containsExactlyInAnyOrder("u00000", "u00001");
            assertThat(feedback.existingIdempotencyKeys(List.of("k7", "k9999"))).containsExactly("k7");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void removalsAreFoundByTimeOldestFirst(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            db.inTransaction(em -> {
                var items = new JpaItemRepository(em);
                items.recordRemoval("before", NOW.minusSeconds(1));
                items.recordRemoval("second", NOW.plusSeconds(20));
                items.recordRemoval("first", NOW);
                items.recordRemoval("third", NOW.plusSeconds(30));
                return null;
            });
            List<String> removed = db.inTransaction(em -> new JpaItemRepository(em).idsRemovedSince(NOW, 10));
            List<String> firstTwo = db.inTransaction(em -> new JpaItemRepository(em).idsRemovedSince(NOW, 2));
            assertThat(removed).containsExactly("first", "second", "third");
            assertThat(firstTwo).containsExactly("first", "second");

            // Retention forgets the oldest notes first, a page at a time, and none at or after its cutoff.
            Instant cutoff = NOW.plusSeconds(25);
            int firstPage = db.inTransaction(em -> new JpaItemRepository(em).forgetRemovalsBefore(cutoff, 2));
            List<String> left = db.inTransaction(em -> new JpaItemRepository(em)
                    .idsRemovedSince(NOW.minusSeconds(60), 10));
            int secondPage = db.inTransaction(em -> new JpaItemRepository(em).forgetRemovalsBefore(cutoff, 2));
            int thirdPage = db.inTransaction(em -> new JpaItemRepository(em).forgetRemovalsBefore(cutoff, 2));
            long kept = db.inTransaction(em -> new JpaItemRepository(em).countRemovals());
            assertThat(firstPage).isEqualTo(2);
            assertThat(left).containsExactly("second", "third");
            assertThat(secondPage).isEqualTo(1);
            assertThat(thirdPage).isZero();
            assertThat(kept).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void usersChangedSinceAreThoseWithNewFeedbackOrAnUpdatedRecord(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            seed(db, 30, 2);
            Instant later = NOW.plusSeconds(3600);
            db.inTransaction(em -> {
                new JpaFeedbackRepository(em).storeAll(List.of(
                        new FeedbackEvent(new NewFeedback("u00003", "i00000", FeedbackType.LIKE, null, null, null,
                                null, null), "test", NOW), // received before: not a change
                        new FeedbackEvent(new NewFeedback("u00007", "i00000", FeedbackType.LIKE, null, null,
                                NOW.minusSeconds(86_400), null, null), "test", later.plusSeconds(1)),
                        new FeedbackEvent(new NewFeedback("u00021", "i00001", FeedbackType.VIEW, null, null, null,
                                null, null), "test", later.plusSeconds(2)),
                        new FeedbackEvent(new NewFeedback("u00021", "i00000", FeedbackType.VIEW, null, null, null,
                                null, null), "test", later.plusSeconds(3))));
                new JpaUserRepository(em).find("u00012").orElseThrow().describe(Map.of("name", "changed"),
                        "likes jazz", later.plusSeconds(5));
                return null;
            });
            var users = new JpaUserRepository(db.entityManager());
            assertThat(users.changedSince(later, null, 10)).containsExactly("u00007", "u00012", "u00021");
            assertThat(users.changedSince(later, "u00007", 1)).containsExactly("u00012");
            assertThat(users.countChangedSince(later)).isEqualTo(3);
            assertThat(users.countChangedSince(NOW.minusSeconds(1))).isEqualTo(30);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void removingAUserTakesTheirFeedbackAlong(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            seed(db, 2, 1);
            db.inTransaction(em -> {
                new JpaFeedbackRepository(em).storeAll(List.of(
                        new FeedbackEvent(new NewFeedback("u00000", "i00000", FeedbackType.LIKE, null, null, null,
                                null, null), "test", NOW),
                        new FeedbackEvent(new NewFeedback("u00001", "i00000", FeedbackType.LIKE, null, null, null,
                                null, null), "test", NOW)));
                return null;
            });

            int removed = db.inTransaction(em -> new JpaFeedbackRepository(em).removeForUser("u00000"));
            db.inTransaction(em -> {
                var users = new JpaUserRepository(em);
                users.remove(users.find("u00000").orElseThrow());
                return null;
            });

            var feedback = new JpaFeedbackRepository(db.entityManager());
            assertThat(removed).isEqualTo(1);
            assertThat(feedback.count()).isEqualTo(1);
            assertThat(feedback.countForUser("u00001")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void importCountsAddUpAndOnlyTheFirstRejectedLinesAreKept(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            long id = db.inTransaction(em -> {
                DatasetImport request = new DatasetImport(ImportFormat.AMAZON_REVIEWS, "/data/x.json", NOW);
                new JpaDatasetImportRepository(em).store(request);
                return request.id();
            });
            for (int chunk = 0; chunk < 3; chunk++) {
                db.inTransaction(em -> {
                    var imports = new JpaDatasetImportRepository(em);
                    imports.addCounts(id, 60, 20, 40);
                    List<RejectedLine> lines = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        lines.add(new RejectedLine(id, "x.json", i, "bad", "x".repeat(600)));
                    }
                    imports.keepRejected(id, lines);
                    return null;
                });
            }

            var imports = new JpaDatasetImportRepository(db.entityManager());
            DatasetImport read = imports.find(id).orElseThrow();
            assertThat(read.rowsRead()).isEqualTo(180);
            assertThat(read.rowsStored()).isEqualTo(60);
            assertThat(read.rowsRejected()).isEqualTo(120);
            assertThat(read.rowsUnchanged()).isZero();
            assertThat(imports.rejectedLines(id, 1_000)).hasSize(RejectedLine.KEPT_PER_IMPORT);
            assertThat(imports.rejectedLines(id, 1).get(0).content()).hasSize(503).endsWith("...");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theDatabaseAdmitsOneActiveModelPerKind(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            db.inTransaction(em -> {
                var versions = new JpaModelVersionRepository(em);
                for (String v : List.of("rating-1", "rating-2", "rating-3")) {
                    versions.store(new ModelVersion(v, ModelKind.RATING, NOW, 10, Map.of("rmse", 1.0), Map.of()),
                            new byte[] {1});
                }
                versions.store(new ModelVersion("sentiment-1", ModelKind.SENTIMENT, NOW, 10, Map.of(), Map.of()),
                        new byte[] {1});
                versions.find("rating-1").orElseThrow().activate(NOW, "first");
                versions.find("sentiment-1").orElseThrow().activate(NOW, "first of its kind");
                return null;
            });

            // Two members that both saw no active version, or a writer that forgot to retire the old one.
            assertThatThrownBy(() -> db.inTransaction(em -> {
                new JpaModelVersionRepository(em).find("rating-2").orElseThrow().activate(NOW, "second");
                return null;
            })).satisfies(e -> assertThat(Transactions.isUniqueViolation(e)).as("a unique violation: " + e).isTrue());
            // Not even SQL that goes around the entity can mark a version ACTIVE on its own.
            assertThatThrownBy(() -> db.inTransaction(em -> em.createNativeQuery(
                    "update model_version set status = 'ACTIVE' where version = 'rating-3'").executeUpdate()))
                    // A check violation: 23514 on PostgreSQL, 23513 on H2.
                    .satisfies(e -> assertThat(sqlState(e)).as("a check violation: " + e).isIn("23513", "23514"));

            db.inTransaction(em -> {
                var versions = new JpaModelVersionRepository(em);
                ModelVersion next = versions.find("rating-2").orElseThrow();
                versions.retire(versions.activeForUpdate(ModelKind.RATING).orElseThrow(), "replaced");
                next.activate(NOW, "replaces rating-1");
                return null;
            });
            assertThat(active(db, ModelKind.RATING)).isEqualTo("rating-2");
            assertThat(active(db, ModelKind.SENTIMENT)).isEqualTo("sentiment-1");
            ModelStatus retired = db.inTransaction(em -> new JpaModelVersionRepository(em).find("rating-1")
                    .orElseThrow().status());
            assertThat(retired).isEqualTo(ModelStatus.RETIRED);

            // A rollback activates the older id: with updates ordered by id it would reach the database before the
            // retirement, were the retirement not written first.
            db.inTransaction(em -> {
                var repository = new JpaModelVersionRepository(em);
                ModelVersion older = repository.find("rating-1").orElseThrow();
                repository.retire(repository.activeForUpdate(ModelKind.RATING).orElseThrow(), "rolled back");
                older.activate(NOW, "restored");
                return null;
            });
            assertThat(active(db, ModelKind.RATING)).isEqualTo("rating-1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aJobClaimChangesHandsOnlyByCompareAndSet(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            Instant until = NOW.plusSeconds(60);
            db.inTransaction(em -> {
                new JpaJobClaimRepository(em).claim("train-models", "member-a", 7, null, NOW, until);
                return null;
            });
            assertThat(won(db, claims -> claims.renew("train-models", "member-b", 7,
                    until.plusSeconds(60)))).as("another member renews").isFalse();
            assertThat(won(db, claims -> claims.renew("train-models", "member-a", 8,
                    until.plusSeconds(60)))).as("renewing another execution").isFalse();
            assertThat(won(db, claims -> claims.takeOver("train-models", "member-a",
                    NOW, "member-b", NOW, until))).as("taking over with a stale expiry").isFalse();

            // Two members see the same expired claim: exactly one wins it.
            assertThat(won(db, claims -> claims.takeOver("train-models", "member-a",
                    until, "member-b", until, until.plusSeconds(60)))).isTrue();
            assertThat(won(db, claims -> claims.takeOver("train-models", "member-a",
                    until, "member-c", until, until.plusSeconds(60)))).isFalse();
            assertThat(won(db, claims -> claims.release("train-models", "member-a", 7)))
                    .as("the old member lets go of a claim no longer its own").isFalse();

            JobClaim taken = db.inTransaction(em -> new JpaJobClaimRepository(em).find("train-models")).orElseThrow();
            assertThat(taken.member()).isEqualTo("member-b");
            assertThat(taken.executionId()).isNull();
            db.inTransaction(em -> {
                new JpaJobClaimRepository(em).claim("train-models", "member-b", 12, "all", until,
                        until.plusSeconds(60));
                return null;
            });
            Long execution = db.inTransaction(em -> new JpaJobClaimRepository(em).find("train-models"))
                    .orElseThrow().executionId();
            assertThat(execution)
                    .isEqualTo(12L);
            assertThat(won(db, claims -> claims.release("train-models", "member-b", 12)))
                    .isTrue();
            List<JobClaim> left = db.inTransaction(em -> new JpaJobClaimRepository(em).findAll());
            assertThat(left).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void leasesAreTimedByTheDatabaseClock(String kind) {
        try (TestDatabase db = TestDatabase.of(kind)) {
            Instant before = Instant.now();
            // CURRENT_TIMESTAMP holds still within a transaction on H2 and PostgreSQL: a reading of this JVM's clock
            // would move across the pause.
            Instant[] readings = db.inTransaction(em -> {
                JpaJobClaimRepository claims = new JpaJobClaimRepository(em);
                Instant first = claims.now();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Instant[] {first, claims.now()};
            });
            assertThat(readings[1]).isEqualTo(readings[0]);
            // The database runs on this machine here, so its clock reads what this JVM's does, to within the round
            // trip (and the database's own precision).
            assertThat(readings[0]).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
            Instant later = db.inTransaction(em -> new JpaJobClaimRepository(em).now());
            assertThat(later).isAfter(readings[0]);
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean won(TestDatabase db, java.util.function.Predicate<JpaJobClaimRepository> change) {
        return db.inTransaction(em -> change.test(new JpaJobClaimRepository(em)));
    }

    /** Read in a transaction of its own: an open read would hold PostgreSQL's lock against dropping the schema. */
    private static String active(TestDatabase db, ModelKind kind) {
        return db.inTransaction(em -> new JpaModelVersionRepository(em).active(kind).map(ModelVersion::version)
                .orElse(null));
    }
}
