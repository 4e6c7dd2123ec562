package org.recsys.interfaces.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.recsys.application.security.ApiKeys;
import org.recsys.domain.model.apikey.ApiKey;
import org.recsys.domain.model.apikey.ApiKeyScope;
import org.recsys.domain.model.consoleuser.ConsoleRole;
import org.recsys.interfaces.security.web.ConsoleAccess;

/** Partner API keys (admins): create one (its token is shown this once), list, revoke. */
@Named("keysView")
@ViewScoped
public class ApiKeysView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ApiKeys keys;
    @Inject
    transient ConsoleAccess access;

    private String name;
    private ApiKeyScope scope = ApiKeyScope.READ;
    /** The token of the key just created; never stored, gone with this view. */
    private String createdToken;

    public List<ApiKey> getKeys() {
        return keys.list();
    }

    public ApiKeyScope[] getScopes() {
        return ApiKeyScope.values();
    }

    public void create() {
        ApiKeys.IssuedKey[] issued = new ApiKeys.IssuedKey[1];
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.ADMIN);
            issued[0] = keys.create(name, scope, access.username());
        })) {
            createdToken = issued[0].token();
            name = null;
            Messages.info("Created key " + issued[0].key().id() + ". Copy it now: it is shown only once.");
        }
    }

    public void revoke(String id) {
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.ADMIN);
            keys.revoke(id);
        })) {
            createdToken = null;
            Messages.info("Revoked key " + id + "; it stops working at once.");
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ApiKeyScope getScope() {
        return scope;
    }

    public void setScope(ApiKeyScope scope) {
        this.scope = scope;
    }

    public String getCreatedToken() {
        return createdToken;
    }
}
