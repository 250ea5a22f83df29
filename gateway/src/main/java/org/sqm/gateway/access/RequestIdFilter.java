package org.sqm.gateway.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.sqm.commons.auth.RequestIds;
import org.sqm.commons.auth.RestRequestId;

/**
 * Every REST request has a request id: the client's {@code X-Request-Id} when it is a sensible one
 * (printable ASCII, at most 128 characters), else a fresh UUID. It travels to every backend call as
 * {@code x-request-id} metadata (commons' OutgoingCallInterceptor reads {@link RestRequestId}), lands
 * in the audit trail of every change the request makes, and comes back in the response header.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "sqm.request-id";

    private final RestRequestId holder;

    public RequestIdFilter(RestRequestId holder) {
        this.holder = holder;
    }

    /** Before matching and before authentication, so every answer (a 401 too) carries the id. */
    @ServerRequestFilter(preMatching = true, priority = 0)
    public void take(ContainerRequestContext request) {
        String id = RequestIds.accept(request.getHeaderString(HEADER));
        holder.set(id);
        request.setProperty(PROPERTY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
