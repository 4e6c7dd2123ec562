package org.recsys.interfaces.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.recsys.application.security.ConsoleUsers;
import org.recsys.domain.model.consoleuser.ConsoleRole;

/**
 * Who is signed in and what they may do; pages hide what a role may not do and actions check again with
 * {@link #require}, so a crafted POST cannot do more than the page offered.
 */
@Named("access")
@RequestScoped
public class ConsoleAccess {

    @Inject
    HttpServletRequest request;
    @Inject
    ConsoleUsers users;

    private ConsoleRole role;

    public String username() {
        return ConsoleSignIn.user(request);
    }

    /** The role as stored now, so that a changed role applies without signing in again. */
    public ConsoleRole role() {
        if (role == null) {
            String name = username();
            role = name == null ? null : users.role(name).orElse(null);
        }
        return role;
    }

    public String roleName() {
        ConsoleRole role = role();
        return role == null ? "" : role.roleName();
    }

    public boolean isOperator() {
        return allowed(ConsoleRole.OPERATOR);
    }

    public boolean isAdmin() {
        return allowed(ConsoleRole.ADMIN);
    }

    public boolean allowed(ConsoleRole needed) {
        ConsoleRole role = role();
        return role != null && role.compareTo(needed) >= 0;
    }

    /** Throws when the caller's role is below {@code needed}. */
    public void require(ConsoleRole needed) {
        if (!allowed(needed)) {
            throw new NotPermittedException("Your role (" + roleName() + ") may not do this; it needs "
                    + needed.roleName() + Arrays.stream(ConsoleRole.values()).filter(r -> r.compareTo(needed) > 0)
                    .map(r -> " or " + r.roleName()).reduce("", String::concat) + ".");
        }
    }

    /** An action the caller's role does not allow. */
    public static final class NotPermittedException extends RuntimeException {
        public NotPermittedException(String message) {
            super(message);
        }
    }
}
