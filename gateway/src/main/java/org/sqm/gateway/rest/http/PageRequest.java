package org.sqm.gateway.rest.http;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sqm.commons.convert.Texts;
import org.sqm.gateway.error.InvalidRequestException;

/** The paging parameters of every list (AIP-158), taken as text so that a bad page size is a 400 naming it. */
public class PageRequest {

    @Parameter(description = "Items per page: 1 to 1000, default 50; larger values are reduced to 1000")
    @QueryParam("pageSize")
    String pageSize;

    @Parameter(description = "The nextPageToken of the previous page")
    @QueryParam("pageToken")
    String pageToken;

    /** The page size as the backend takes it: 0 (its default) when absent. */
    public int size() {
        if (pageSize == null || pageSize.isEmpty()) {
            return 0;
        }
        int size;
        try {
            size = Integer.parseInt(pageSize);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("pageSize", "must be a whole number between 1 and 1000");
        }
        // Every backend refuses a negative size too; refused here, a list's 400 never depends on which one.
        if (size < 0) {
            throw new InvalidRequestException("pageSize", "must be a whole number between 1 and 1000");
        }
        return size;
    }

    /** The page token as the backend takes it: empty for the first page. */
    public String token() {
        return Texts.nullToEmpty(pageToken);
    }
}
