/** Black-box integration tests of the running server, run once on H2 and once on PostgreSQL. */
package org.recsys.it;
