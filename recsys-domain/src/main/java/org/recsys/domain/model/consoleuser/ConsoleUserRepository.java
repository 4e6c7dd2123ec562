package org.recsys.domain.model.consoleuser;

import java.util.List;
import java.util.Optional;

/** Console users. */
public interface ConsoleUserRepository {

    Optional<ConsoleUser> find(String username);

    List<ConsoleUser> findAll();

    void store(ConsoleUser user);
}
