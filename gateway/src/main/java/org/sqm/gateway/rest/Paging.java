package org.sqm.gateway.rest;

import org.sqm.gateway.error.InvalidRequestException;

/** Reads the paging query parameters every list endpoint shares. */
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
}
