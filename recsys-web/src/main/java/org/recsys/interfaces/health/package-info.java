/**
 * MicroProfile Health checks behind {@code /health} (start-up sequence, database, catalogue, heap), answering names
 * and states publicly and their details to operators ({@code GET /api/v1/status}).
 */
package org.recsys.interfaces.health;
