package org.recsys.interfaces.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.recsys.application.security.ConsoleUsers;

/** The login and logout forms of the console. */
@Named("login")
@RequestScoped
public class LoginView {

    @Inject
    ConsoleUsers users;
    @Inject
    FacesContext faces;

    private String username;
    private String password;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String name = username == null ? "" : username.strip();
        if (users.verify(name, (password == null ? "" : password).toCharArray()).isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong user name or password.",
                    null));
            return;
        }
        String next = ConsoleSignIn.signIn(request, name);
        // Back to the page asked for, or the dashboard when the login page itself was opened.
        external.redirect(next != null && next.startsWith(external.getRequestContextPath() + "/console/") ? next
                : external.getRequestContextPath() + "/console/");
        faces.responseComplete();
    }

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/console/login.xhtml");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
