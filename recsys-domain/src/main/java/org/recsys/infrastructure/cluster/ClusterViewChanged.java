package org.recsys.infrastructure.cluster;

import java.util.List;

/**
 * The cluster's membership changed after start-up.
 *
 * @param members every member now
 * @param joined  members new in this view: started, or back after being cut off or hung (a merge). They and this
 *                member may each have missed the other's messages meanwhile.
 */
public record ClusterViewChanged(List<String> members, List<String> joined) {
}
