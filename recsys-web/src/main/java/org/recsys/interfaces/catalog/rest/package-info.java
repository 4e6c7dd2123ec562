/** REST resources for the catalogue: create or replace, read, search, batch and remove items. */
package org.recsys.interfaces.catalog.rest;
