package org.sqm.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer of the gateway.
 *
 * @param type     a URN naming the kind of problem, {@code urn:sqm:problem:<reason>}
 * @param title    the HTTP reason phrase of the status
 * @param status   the HTTP status code
 * @param detail   what went wrong in words; for 5xx nothing internal
 * @param instance the path of the request that failed
 * @param reason   a stable UPPER_SNAKE_CASE identifier to switch on, e.g. {@code UNIT_NOT_FOUND}
 * @param errors   the invalid fields of the request, for 400 answers
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        String type, String title, int status, String detail, String instance, String reason, List<FieldError> errors) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field.
     *
     * @param field   the field's path in the REST request, e.g. {@code code}, {@code pageSize}, or a header name
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {}
}
