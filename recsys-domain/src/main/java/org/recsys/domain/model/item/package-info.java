/**
 * The item aggregate: something that can be recommended, with a title, a description, categories and free-form
 * attributes. Its text is what the encoder reads.
 */
package org.recsys.domain.model.item;
