package org.recsys.ml.rank;

/**
 * An item to add to or replace in the catalogue.
 *
 * @param itemId     item id
 * @param vector     text vector (normalised on insertion), or {@code null}
 * @param category   category name, or {@code null}
 * @param popularity interaction count
 */
public record CatalogueItem(String itemId, float[] vector, String category, long popularity) { }
