/**
 * Runs the assembled Open Liberty server for black-box integration tests: real server processes on free ports, on
 * the embedded H2 database or on PostgreSQL (a fresh schema per run), with an HTTP client for the API.
 */
package org.recsys.it.support;
