package org.recsys.interfaces.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.recsys.application.security.ConsoleUsers;

/** Checks console passwords against the PBKDF2 hashes in the database; groups are the role and those below it. */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    ConsoleUsers users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.verify(credential.getCaller(), credential.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.username(), user.role().groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
