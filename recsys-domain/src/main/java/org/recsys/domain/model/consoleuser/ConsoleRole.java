package org.recsys.domain.model.consoleuser;

import java.util.EnumSet;
import java.util.Set;

/**
 * Console roles, each including the ones below it: a viewer reads; an operator also runs jobs and promotes models;
 * an admin also manages API keys and erases users.
 */
public enum ConsoleRole {
    VIEWER, OPERATOR, ADMIN;

    /** The role names (lower case, as in web.xml) this role holds, itself included. */
    public Set<String> groups() {
        Set<String> groups = new java.util.TreeSet<>();
        for (ConsoleRole role : EnumSet.range(VIEWER, this)) {
            groups.add(role.roleName());
        }
        return groups;
    }

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
