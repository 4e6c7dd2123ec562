package org.recsys.application.event;

/** A user and everything derived from them was erased. */
public record UserErased(String userId) {
}
