package org.recsys.interfaces.operations.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.recsys.domain.model.feedback.FeedbackCleaning.Example;

/** How many texts the clean-data job changed so far, and the first few (event, user, item, text before). */
record TextCleaningTally(long changed, List<String[]> examples) implements Serializable {

    static final TextCleaningTally NONE = new TextCleaningTally(0, List.of());
    private static final int KEPT = 5;

    TextCleaningTally plus(List<Example> more) {
        List<String[]> kept = new ArrayList<>(examples);
        for (Example example : more) {
            if (kept.size() < KEPT) {
                kept.add(new String[] {Long.toString(example.eventId()), example.userId(), example.itemId(),
                        example.detail()});
            }
        }
        return new TextCleaningTally(changed + more.size(), kept);
    }

    List<Example> asExamples() {
        return examples.stream().map(e -> new Example(Long.parseLong(e[0]), e[1], e[2], e[3])).toList();
    }
}
