package org.recsys.interfaces.console.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.recsys.application.ConflictException;
import org.recsys.application.InvalidInputException;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.interfaces.security.web.ConsoleAccess;

/** Runs a console action and turns what can go wrong into a message on the page instead of an error page. */
final class Messages {

    private Messages() {
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /**
     * Runs the action; expected failures (not allowed, invalid, unknown, conflict) become an error message, as does
     * a lost database connection (a restart or failover), without the driver's words.
     */
    static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            if (Transactions.isDatabaseUnavailable(e)) {
                error("The database connection failed; the action may not have been completed. Check its state, "
                        + "then try again.");
            } else if (e instanceof ConsoleAccess.NotPermittedException || e instanceof InvalidInputException
                    || e instanceof UnknownEntityException || e instanceof ConflictException
                    || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
                error(e.getMessage());
            } else {
                // JobOperator and transactions wrap the real reason.
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                error("Failed: " + cause.getMessage());
            }
            return false;
        }
    }
}
