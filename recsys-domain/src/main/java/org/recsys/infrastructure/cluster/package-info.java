/**
 * The Infinispan cluster: an embedded cache manager (JGroups over TCP, members listed by address; a single local node
 * when clustering is off) holding user profiles, and a message bus that tells every member about item changes,
 * popularity, erasures and model changes.
 */
package org.recsys.infrastructure.cluster;
