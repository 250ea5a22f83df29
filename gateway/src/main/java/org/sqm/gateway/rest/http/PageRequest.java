package org.sqm.gateway.rest.http;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.paging.PageTokens;
import org.sqm.gateway.error.InvalidRequestException;

/** The paging parameters of every list (AIP-158), taken as text so that a bad page size is a 400 naming it. */
public class PageRequest {

    @Parameter(
            description =
                    "Items per page: 1 to 1000; absent or 0 means 50, larger values mean 1000, a negative one is a 400")
    @QueryParam("pageSize")
    String pageSize;

    @Parameter(description = "The nextPageToken of the previous page")
    @QueryParam("pageToken")
    String pageToken;

    /**
     * The page size as the backend takes it, after AIP-158 as every service applies it: absent or 0
     * means the default (50, the backend's), above 1000 means 1000 (reduced here, so that no backend
     * is ever asked for more), negative or not a whole number is a 400 naming {@code pageSize}.
     */
    public int size() {
        if (pageSize == null || pageSize.isEmpty()) {
            return 0;
        }
        if (!pageSize.matches("-?[0-9]+")) {
            throw new InvalidRequestException("pageSize", "must be a whole number, 0 or more");
        }
        if (pageSize.startsWith("-")) {
            // Every backend refuses a negative size too; refused here, a list's 400 never depends on which one.
            throw new InvalidRequestException("pageSize", "must not be negative");
        }
        // Digits only: a number too long for an int is above the cap as well.
        return pageSize.replaceFirst("^0+(?=.)", "").length() > 9
                ? PageTokens.MAX_PAGE_SIZE
                : Math.min(Integer.parseInt(pageSize), PageTokens.MAX_PAGE_SIZE);
    }

    /** The page token as the backend takes it: empty for the first page. */
    public String token() {
        return Texts.nullToEmpty(pageToken);
    }
}
