package org.recsys.interfaces.console.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.recsys.application.ConflictException;
import org.recsys.application.InvalidInputException;
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

    /** Runs the action; expected failures (not allowed, invalid, unknown, conflict) become an error message. */
    static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (ConsoleAccess.NotPermittedException | InvalidInputException | UnknownEntityException
                 | ConflictException | IllegalStateException | IllegalArgumentException e) {
            error(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // JobOperator and transactions wrap the real reason.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            error("Failed: " + cause.getMessage());
            return false;
        }
    }
}
