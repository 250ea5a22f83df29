package org.sqm.gateway.rest.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to a create without an etag: 201, the new resource's location below the collection, its view. */
public final class Created {

    private Created() {}

    public static Response at(UriInfo collection, String id, Object view) {
        return Response.created(collection.getAbsolutePathBuilder().path(id).build())
                .entity(view)
                .build();
    }
}
