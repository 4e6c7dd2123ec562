package org.recsys.application.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.consoleuser.ConsoleRole;
import org.recsys.domain.model.consoleuser.ConsoleUser;
import org.recsys.domain.model.consoleuser.ConsoleUserRepository;

/** Console users: checks a password against its PBKDF2 hash, creates users and sets passwords. */
@ApplicationScoped
public class ConsoleUsers {

    static final int MIN_PASSWORD_LENGTH = 12;

    @Inject
    ConsoleUserRepository users;
    @Inject
    PasswordHashing hash;

    Clock clock = Clock.systemUTC();

    /** The user, when the password is theirs. */
    @Transactional
    public Optional<ConsoleUser> verify(String username, char[] password) {
        if (username == null || password == null || password.length == 0) {
            return Optional.empty();
        }
        return users.find(username).filter(user -> hash.verify(password, user.passwordHash()));
    }

    /**
     * Creates the user with this password and role, or sets the password of an existing one when it differs (so a
     * changed configuration takes effect at the next start).
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean ensure(String username, String password, ConsoleRole role) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password of console user " + username + " must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        Optional<ConsoleUser> existing = users.find(username);
        if (existing.isPresent()) {
            if (hash.verify(password.toCharArray(), existing.get().passwordHash())) {
                return false;
            }
            existing.get().changePassword(hash.generate(password.toCharArray()));
            return true;
        }
        users.store(new ConsoleUser(username, hash.generate(password.toCharArray()), role, clock.instant()));
        return true;
    }

    @Transactional
    public Optional<ConsoleRole> role(String username) {
        return users.find(username).map(ConsoleUser::role);
    }

    @Transactional
    public List<ConsoleUser> list() {
        return users.findAll();
    }
}
