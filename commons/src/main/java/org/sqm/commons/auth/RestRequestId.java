package org.sqm.commons.auth;

import jakarta.enterprise.context.RequestScoped;

/** The request id of the REST request being served (the gateway sets it from X-Request-Id). */
@RequestScoped
public class RestRequestId {

    private String id;

    public String get() {
        return id;
    }

    public void set(String id) {
        this.id = id;
    }
}
