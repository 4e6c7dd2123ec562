package org.recsys.ml.rank;

/**
 * Keeps the k highest-scoring items seen, in a primitive binary min-heap (no boxing).
 */
public final class TopK {

    private final int capacity;
    private final int[] items;
    private final float[] scores;
    private int size;

    /** @param capacity k */
    public TopK(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.items = new int[this.capacity];
        this.scores = new float[this.capacity];
    }

    /** Lowest score kept, or negative infinity while not full. */
    public float threshold() {
        return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /** Offers an item. */
    public void offer(int item, float score) {
        if (capacity == 0) {
            return;
        }
        if (size < capacity) {
            int i = size++;
            items[i] = item;
            scores[i] = score;
            siftUp(i);
        } else if (score > scores[0]) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Number of items kept. */
    public int size() {
        return size;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[i] >= scores[parent]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
            if (scores[i] <= scores[smallest]) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }

    /** The kept items, best first. Empties the heap. */
    public ScoredItems drain() {
        int n = size;
        int[] outItems = new int[n];
        float[] outScores = new float[n];
        for (int i = n - 1; i >= 0; i--) {
            outItems[i] = items[0];
            outScores[i] = scores[0];
            items[0] = items[size - 1];
            scores[0] = scores[size - 1];
            size--;
            siftDown(0);
        }
        return new ScoredItems(outItems, outScores);
    }
}
