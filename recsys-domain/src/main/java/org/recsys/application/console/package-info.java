/** Read-only questions the admin console asks that no partner API answers: totals, activity over time, search. */
package org.recsys.application.console;
