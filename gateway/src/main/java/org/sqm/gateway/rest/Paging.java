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

    /** Reads an optional JSON body taken as text (so that a move without body or content type works). */
    static <T> T readBody(com.fasterxml.jackson.databind.ObjectMapper json, String body, Class<T> type, T absent) {
        if (body == null || body.isBlank()) {
            if (absent == null) {
                throw new InvalidRequestException("body", "is required");
            }
            return absent;
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not a JSON object of the documented shape");
        }
        if (value == null) {
            // The JSON literal null: no body at all.
            if (absent == null) {
                throw new InvalidRequestException("body", "is required");
            }
            return absent;
        }
        return value;
    }

    /** A proto enum from a query parameter naming a value without its prefix; 400 for anything else. */
    static <E extends Enum<E>> E enumValue(String field, String prefix, String value, Class<E> type) {
        try {
            E e = Enum.valueOf(type, prefix + value);
            if (e.name().endsWith("UNSPECIFIED")) {
                throw new IllegalArgumentException();
            }
            return e;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not one of the documented values");
        }
    }

    /** The name of a proto enum value without its prefix; null for UNSPECIFIED. */
    static String enumName(Enum<?> value, String prefix) {
        String name = value.name();
        return name.endsWith("_UNSPECIFIED") || !name.startsWith(prefix) ? null : name.substring(prefix.length());
    }
}
