package org.recsys.domain.model.profile;

import java.util.List;

/**
 * One interest point of a user: a unit-length centroid in the encoder's space, its share of the user's interest,
 * the words that name it and the items it was formed from.
 */
public record Interest(float[] centroid, float weight, List<String> tags, List<String> memberItemIds) {

    public Interest {
        tags = List.copyOf(tags);
        memberItemIds = List.copyOf(memberItemIds);
    }
}
