package org.sqm.gateway.rest.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Optimistic concurrency over HTTP: a resource's etag goes out in the ETag header and comes back in
 * If-Match, which the backend checks (a stale one is ABORTED, 409).
 */
public final class Etags {

    private Etags() {}

    /** The etag in an If-Match header, without quotes or weak marker; empty when absent. */
    public static String fromIfMatch(String header) {
        if (header == null) {
            return "";
        }
        String etag = header.strip();
        if (etag.startsWith("W/")) {
            etag = etag.substring(2);
        }
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            etag = etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    /** The value of an ETag header for an etag. */
    public static String header(String etag) {
        return "\"" + etag + "\"";
    }

    /** 200 with the resource's view and its etag in the ETag header. */
    public static Response ok(Object view, String etag) {
        return Response.ok(view).header(HttpHeaders.ETAG, header(etag)).build();
    }

    /** 201 with the new resource's location, its view and its etag in the ETag header. */
    public static Response created(URI location, Object view, String etag) {
        return Response.created(location)
                .header(HttpHeaders.ETAG, header(etag))
                .entity(view)
                .build();
    }
}
