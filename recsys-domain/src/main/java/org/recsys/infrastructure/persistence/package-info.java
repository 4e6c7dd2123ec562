/**
 * JPA implementations of the domain repositories (Hibernate ORM is the provider), and the Flyway migration that owns
 * the schema on H2 and PostgreSQL alike.
 */
package org.recsys.infrastructure.persistence;
