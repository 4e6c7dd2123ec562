/** What operational jobs found or measured (data-quality and evaluation reports), kept as JSON documents. */
package org.recsys.domain.model.jobreport;
