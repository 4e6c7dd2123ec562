/** REST resources that start dataset imports and report on them. */
package org.recsys.interfaces.imports.rest;
