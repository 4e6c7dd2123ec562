/** When operational jobs run by themselves: a cron expression per job, changeable at run time. */
package org.recsys.domain.model.schedule;
