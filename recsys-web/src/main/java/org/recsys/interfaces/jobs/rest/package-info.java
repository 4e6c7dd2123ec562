/** REST API of the operational jobs: list, start, stop, restart, progress, schedules and reports. */
package org.recsys.interfaces.jobs.rest;
