/** REST resources for feedback: one event, a batch of up to 10,000, and a user's feedback newest first. */
package org.recsys.interfaces.feedback.rest;
