/**
 * The demo catalogue: a deterministic, generated music shop (items, users, feedback and short reviews) loaded on the
 * first start of an empty embedded database so that every endpoint and console page shows something. Everything it
 * creates is marked with source {@code demo-synthetic}.
 */
package org.recsys.application.demo;
