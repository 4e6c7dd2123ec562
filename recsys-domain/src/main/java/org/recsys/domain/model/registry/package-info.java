/**
 * The model registry: every trained model as a version with provenance, hold-out metrics and a status (candidate,
 * active, retired), and the serialized model itself.
 */
package org.recsys.domain.model.registry;
