/**
 * Application services: the use cases that the REST API, the console and the batch jobs call. Each mutating method
 * runs in a transaction; bad input raises {@link org.recsys.application.InvalidInputException} naming every field at
 * fault, unknown ids raise {@link org.recsys.application.UnknownEntityException}.
 */
package org.recsys.application;
