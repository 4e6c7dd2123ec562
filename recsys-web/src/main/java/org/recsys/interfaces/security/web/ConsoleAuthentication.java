package org.recsys.interfaces.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login for the console: an unauthenticated request for a console page is redirected to the Faces login page,
 * and back to the page asked for after signing in. The partner API does not use it (see ApiKeyFilter).
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/console/login.xhtml", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class ConsoleAuthentication {
}
