/**
 * What happens when the application starts: the schema is migrated, then (on an empty embedded database) the demo
 * catalogue is generated. Health checks report the state of this sequence.
 */
package org.recsys.application.startup;
