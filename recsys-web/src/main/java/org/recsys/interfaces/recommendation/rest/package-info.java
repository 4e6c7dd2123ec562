/** REST resources for recommendations, similar items and the running experiments. */
package org.recsys.interfaces.recommendation.rest;
