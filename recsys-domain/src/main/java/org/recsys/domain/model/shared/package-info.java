/**
 * Value types and mapping helpers shared by every aggregate: identifier rules, string maps and lists stored as JSON
 * columns, the source a record came from.
 */
package org.recsys.domain.model.shared;
