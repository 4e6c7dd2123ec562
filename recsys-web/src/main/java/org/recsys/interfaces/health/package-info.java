/** MicroProfile Health checks behind {@code /health}: start-up sequence, database, liveness. */
package org.recsys.interfaces.health;
