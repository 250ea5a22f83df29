package org.sqm.gateway.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sqm.gateway.error.InvalidRequestException;

/** Request bodies: required ones, and optional ones taken as text so that a call without body or content type works. */
public final class RequestBodies {

    private RequestBodies() {}

    /** The body an endpoint cannot do without; 400 naming {@code body} when there is none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        return body;
    }

    /** An optional JSON body given as text; {@code absent} when there is none (or it is the JSON literal null). */
    public static <T> T optional(ObjectMapper json, String body, Class<T> type, T absent) {
        if (body == null || body.isBlank()) {
            return absent;
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not a JSON object of the documented shape");
        }
        return value == null ? absent : value;
    }
}
