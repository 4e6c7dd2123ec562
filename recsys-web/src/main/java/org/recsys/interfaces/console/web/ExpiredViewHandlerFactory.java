package org.recsys.interfaces.console.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;

/**
 * A form posted with a view state this session does not hold (the session expired, or another site forged or
 * tampered with the post) gets the "page expired" page with 400 Bad Request, handled inside Faces: it changes nothing, and it neither reaches
 * the container as an error (a 500 with an FFDC incident for what is the client's mistake) nor hides other errors,
 * which go on to the default handler. Registered in faces-config.xml.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    static final String EXPIRED_PAGE = "/expired.xhtml";

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExpiredViewHandler(getWrapped().getExceptionHandler());
    }

    static final class ExpiredViewHandler extends ExceptionHandlerWrapper {

        ExpiredViewHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                ExceptionQueuedEvent event = events.next();
                if (expired(event.getContext().getException())
                        || unreadableState(event.getContext().getPhaseId(), event.getContext().getException())) {
                    events.remove();
                    FacesContext faces = FacesContext.getCurrentInstance();
                    faces.getExternalContext().setResponseStatus(400);
                    UIViewRoot page = faces.getApplication().getViewHandler().createView(faces, EXPIRED_PAGE);
                    faces.setViewRoot(page);
                    faces.renderResponse();
                }
            }
            getWrapped().handle();
        }

        /**
         * A view state token that cannot even be decoded (tampered, truncated): MyFaces throws from its state decoding
         * (e.g. {@code IllegalArgumentException: Illegal base64 character}) instead of {@link ViewExpiredException}.
         * Recognised by the phase and by where it was thrown, so that other errors of restoring a view stay errors.
         */
        private static boolean unreadableState(PhaseId phase, Throwable exception) {
            if (phase != PhaseId.RESTORE_VIEW) {
                return false;
            }
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                for (StackTraceElement frame : cause.getStackTrace()) {
                    String type = frame.getClassName();
                    if (type.contains(".viewstate.") || type.endsWith("ResponseStateManager")) {
                        return true;
                    }
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return false;
        }

        private static boolean expired(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return false;
        }
    }
}
