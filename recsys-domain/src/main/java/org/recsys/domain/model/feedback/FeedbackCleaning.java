package org.recsys.domain.model.feedback;

import java.util.List;
import java.util.Map;

/**
 * The data-quality rules of the clean-data job, each one set-based statement that is safe to run again (a second run
 * finds nothing left to do).
 */
public interface FeedbackCleaning {

    /** An event a rule matched, for the report. */
    record Example(long eventId, String userId, String itemId, String detail) {
    }

    /** Events with a text, a page at a time by id: the text-cleaning step's input. */
    List<Example> textsAfter(long afterId, int limit);

    long countTexts();

    /** Replaces the texts of the given events. */
    void replaceTexts(Map<Long, String> texts);

    /** Up to {@code limit} events that repeat an older event exactly (user, item, type, value, text and time). */
    List<Example> duplicates(int limit);

    /** Removes events that repeat an older event exactly; returns how many. */
    int removeDuplicates();

    /** Up to {@code limit} ratings and reviews whose stars are missing where required or outside 1-5. */
    List<Example> outOfRange(int limit);

    int removeOutOfRange();

    /** Flags events of users who sent more than {@code perMinute} events within one minute; returns how many. */
    int flagBursts(int perMinute);

    /** Flags events whose text (at least 20 characters) was sent by {@code minUsers} or more users. */
    int flagCopiedTexts(int minUsers);

    /** Up to {@code limit} events flagged with this flag. */
    List<Example> flagged(String flag, int limit);

    long countFlagged(String flag);
}
