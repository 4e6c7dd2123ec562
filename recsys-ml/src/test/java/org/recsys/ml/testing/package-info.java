/**
 * Test support: locating the real datasets and skipping with a reason when they are absent.
 */
package org.recsys.ml.testing;
