/**
 * Adapters from the container to the recsys-ml library: the configured text encoder, running on the container's
 * managed threads.
 */
package org.recsys.infrastructure.ml;
