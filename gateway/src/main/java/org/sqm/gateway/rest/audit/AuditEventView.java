package org.sqm.gateway.rest.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change in a resource's audit trail.
 *
 * @param sequence  increasing within the owning service
 * @param time      when (RFC 3339)
 * @param actor     the subject of the caller's token, or service:&lt;application&gt; for work without a person
 * @param action    the RPC ("sqm.complaint.v1.ComplaintService/AcknowledgeComplaint") or the job ("job:…")
 * @param requestId the request's X-Request-Id
 * @param resource  the resource, as asked for
 * @param record    the table row that changed (a resource may span several tables)
 * @param operation INSERT, UPDATE or DELETE
 * @param changes   the fields that changed
 */
@Schema(name = "AuditEvent")
public record AuditEventView(
        long sequence,
        String time,
        String actor,
        String action,
        String requestId,
        String resource,
        String record,
        String operation,
        List<FieldChangeView> changes) {

    /**
     * One field's change.
     *
     * @param before   JSON text of the value before (empty on INSERT)
     * @param after    JSON text of the value after (empty on DELETE)
     * @param redacted true for personal data, whose values are not recorded
     */
    @Schema(name = "AuditFieldChange")
    public record FieldChangeView(String field, String before, String after, boolean redacted) {}
}
