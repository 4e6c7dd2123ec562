/** REST resources for users: create or replace, read, list, batch, erase, and a user's feedback. */
package org.recsys.interfaces.users.rest;
