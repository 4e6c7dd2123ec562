/** Data quality: the cleaning rules of the clean-data job and the report they produce. */
package org.recsys.application.quality;
