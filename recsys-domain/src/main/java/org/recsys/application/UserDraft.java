package org.recsys.application;

import java.util.Map;

/** A user as a partner sends it: id, attributes and an optional text about what they like. */
public record UserDraft(String id, Map<String, String> attributes, String preferenceText) {
}
