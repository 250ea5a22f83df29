package org.sqm.gateway.rest;

import org.sqm.gateway.error.InvalidRequestException;

/** What every endpoint shares: query parameters, etag headers, and the null/empty edge of protobuf strings. */
final class Paging {

    private Paging() {}

    /** The page size as the backend takes it: 0 (its default) when absent. */
    static int pageSize(String pageSize) {
        if (pageSize == null || pageSize.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(pageSize);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("pageSize", "must be a whole number between 1 and 1000");
        }
    }

    static String pageToken(String pageToken) {
        return pageToken == null ? "" : pageToken;
    }

    static String nextPageToken(String token) {
        return token.isEmpty() ? null : token;
    }

    /** A boolean query parameter; absent means false. */
    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(name, "must be true or false");
    }

    /** The etag in an If-Match header, without quotes or weak marker; empty when absent. */
    static String ifMatch(String header) {
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
    static String etagHeader(String etag) {
        return "\"" + etag + "\"";
    }

    /** A 200 answer with the resource's view and its etag in the ETag header. */
    static jakarta.ws.rs.core.Response okWithEtag(Object view, String etag) {
        return jakarta.ws.rs.core.Response.ok(view)
                .header(jakarta.ws.rs.core.HttpHeaders.ETAG, etagHeader(etag))
                .build();
    }

    /** Protobuf strings are never null: an absent JSON field becomes "". */
    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** And back: an empty protobuf string is an absent JSON field. */
    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
