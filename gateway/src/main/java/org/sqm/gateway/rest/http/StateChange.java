package org.sqm.gateway.rest.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which resource a state change {@code POST …/{id}:{verb}} is for, the verb, and the etag the caller last read. */
public class StateChange {

    @PathParam("id")
    String id;

    @Parameter(description = "The state change; the operation's description lists them")
    @PathParam("verb")
    String verb;

    @Parameter(description = "The etag of your last read", required = true)
    @HeaderParam(HttpHeaders.IF_MATCH)
    String ifMatch;
}
