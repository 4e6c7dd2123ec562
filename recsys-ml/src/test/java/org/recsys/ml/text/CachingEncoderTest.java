package org.recsys.ml.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CachingEncoderTest {

    @Test
    void repeatedTextsAreEncodedOnceAndCopiesAreReturned() {
        FakeEncoder fake = new FakeEncoder("fake", 16);
        CachingEncoder cache = new CachingEncoder(fake, 100);
        float[] first = cache.encode("jazz guitar");
        first[0] = 42;
        float[] second = cache.encode("jazz guitar");
        assertThat(second[0]).isNotEqualTo(42f);
        assertThat(fake.textsEncoded.get()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);

        List<float[]> batch = cache.encodeAll(List.of("jazz guitar", "bass strings", "jazz guitar"));
        assertThat(batch.get(0)).containsExactly(second);
        assertThat(batch.get(2)).containsExactly(second);
        assertThat(fake.textsEncoded.get()).isEqualTo(2);
        assertThat(cache.tag()).isEqualTo(new EncoderTag("fake", "test", 16));
    }

    @Test
    void leastRecentlyUsedEntriesAreEvictedAtCapacity() {
        FakeEncoder fake = new FakeEncoder("fake", 8);
        CachingEncoder cache = new CachingEncoder(fake, 2);
        cache.encode("a1");
        cache.encode("b2");
        cache.encode("a1"); // a1 becomes most recent
        cache.encode("c3"); // evicts b2
        assertThat(cache.size()).isEqualTo(2);
        int before = fake.textsEncoded.get();
        cache.encode("a1");
        assertThat(fake.textsEncoded.get()).isEqualTo(before);
        cache.encode("b2");
        assertThat(fake.textsEncoded.get()).isEqualTo(before + 1);
    }

    @Test
    void concurrentUseGivesConsistentVectors() throws Exception {
        CachingEncoder cache = new CachingEncoder(new FakeEncoder("fake", 32), 50);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    FakeEncoder reference = new FakeEncoder("ref", 32);
                    for (int i = 0; i < 2000; i++) {
                        String text = "text number " + (i % 80);
                        if (!java.util.Arrays.equals(cache.encode(text), reference.encode(text))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(50);
    }
}
