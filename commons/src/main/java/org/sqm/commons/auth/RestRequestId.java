package org.sqm.commons.auth;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;

/**
 * The request id of the REST request being served (the gateway sets it from X-Request-Id). Looked up
 * programmatically by {@link RequestIds}, so kept in applications that never inject it.
 */
@RequestScoped
@Unremovable
public class RestRequestId {

    private String id;

    public String get() {
        return id;
    }

    public void set(String id) {
        this.id = id;
    }
}
