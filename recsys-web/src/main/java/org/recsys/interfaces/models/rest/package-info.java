/** REST resources that ask the models directly: the sentiment of a text, predicted stars. */
package org.recsys.interfaces.models.rest;
