package org.recsys.infrastructure.cluster;

/**
 * This member may have missed other members' messages, or they its: members joined or came back (a new view), or
 * this member was paused (a SIGSTOP, a long GC or VM stall). Observers rebuild what they derive from messages from
 * the database.
 *
 * @param why          what happened, for the log
 * @param missedSince  since when this member may have missed messages (with a margin for failure detection):
 *                     what changed in the database since then is read again
 */
public record ClusterCatchUp(String why, java.time.Instant missedSince) {
}
