package org.sqm.gateway.rest.complaints;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.standards.StandardViews.Severity;

/** The JSON shapes of complaints in the REST API. */
public final class ComplaintViews {

    private ComplaintViews() {}

    /** The channel through which a complaint arrived. */
    public enum Channel {
        PHONE,
        EMAIL,
        WEB_FORM,
        SOCIAL_MEDIA,
        IN_PERSON,
        REGULATOR_REFERRAL,
        CONSUMER_ASSOCIATION_REFERRAL
    }

    /** The customer segment of a complainant; absent when not known. */
    public enum CustomerSegment {
        MOBILE,
        HOME,
        BUSINESS,
        VIP,
        BROADBAND
    }

    /**
     * Who complains; confidential.
     *
     * @param name  required
     * @param email an e-mail address; this or phone is required
     * @param phone a telephone number
     */
    @Schema(name = "Complainant")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Complainant(String name, String email, String phone) {}

    /** The body that records a complaint. */
    @Schema(name = "NewComplaint")
    public record ComplaintBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true) Channel channel,
            @Schema(required = true, examples = "WAITING_TIME") String category,
            @Schema(required = true) Severity severity,
            @Schema(required = true) String description,
            String remedySought,
            @Schema(required = true) Complainant complainant,
            @Schema(format = "date-time", description = "Defaults to now; not in the future") String receiveTime,
            @Schema(description = "Optional: absent when not known") CustomerSegment customerSegment) {}

    /**
     * One complaint of a batch.
     *
     * @param requestId makes the item safe to retry, as the Idempotency-Key of a single create (at most
     *                  100 characters); optional
     * @param complaint the complaint, as a single create takes it
     */
    @Schema(name = "BatchCreateComplaintItem")
    public record BatchItem(
            @Schema(description = "Optional; a retry with the same id returns the same complaint") String requestId,
            @Schema(required = true) ComplaintBody complaint) {}

    /** The body that records many complaints at once: 1 to 1000 items. */
    @Schema(name = "BatchCreateComplaints")
    public record BatchBody(@Schema(required = true, minItems = 1, maxItems = 1000) List<BatchItem> requests) {}

    /**
     * What became of one item: its complaint, or the problem that kept it from being recorded.
     *
     * @param complaint the complaint recorded (or recorded before, for a retried request id)
     * @param error     why the item was not recorded; its field paths start with {@code requests[i].}
     */
    @Schema(name = "BatchCreateComplaintResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchResultView(ComplaintView complaint, Problem error) {}

    /** The answer to a batch: one result per item, in the order of the request. */
    @Schema(name = "BatchCreateComplaintsResponse")
    public record BatchView(List<BatchResultView> results) {}

    /**
     * A deadline and how much of it is used.
     *
     * @param kind     ACKNOWLEDGE, FIRST_RESPONSE or RESOLVE
     * @param allowed  the business time the service-level rule allows (ISO-8601)
     * @param dueTime  when it falls due; pauses move it
     * @param metTime  when it was met
     * @param breached whether it was missed
     * @param used     business time used so far (single reads only)
     */
    @Schema(name = "Deadline")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(
            String kind, String allowed, String dueTime, String metTime, boolean breached, String used) {}

    /** One change of a complaint. */
    @Schema(name = "ComplaintEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventView(
            String time, String actor, String action, String fromStatus, String toStatus, String note) {}

    /** A complaint. {@code complainant} only with view=full; {@code history} not in lists. */
    @Schema(name = "Complaint")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComplaintView(
            String id,
            String reference,
            String unitId,
            Channel channel,
            String category,
            Severity severity,
            String description,
            String remedySought,
            Complainant complainant,
            @Schema(
                            enumeration = {
                                "RECEIVED",
                                "ACKNOWLEDGED",
                                "INVESTIGATING",
                                "WAITING_ON_CUSTOMER",
                                "RESOLVED",
                                "CLOSED",
                                "WITHDRAWN"
                            })
                    String status,
            String etag,
            List<DeadlineView> deadlines,
            List<EventView> history,
            String escalatedToUnitId,
            int escalationLevel,
            String rootCause,
            String remedy,
            String resolveTime,
            String deadlineSource,
            String receiveTime,
            String createTime,
            @Schema(description = "1 to 5; absent until asked") Integer satisfaction,
            String callBackOutcome,
            @Schema(description = "Business time from receipt to resolution (ISO-8601)") String resolutionBusinessTime,
            @Schema(description = "Absent when not known") CustomerSegment customerSegment,
            @Schema(description = "Resolved in the contact in which it was received; false again once reopened")
                    boolean resolvedAtFirstContact) {}

    /**
     * Complaint statistics of a unit and period; shares are 0 when their denominator is 0.
     *
     * @param firstContactResolutions    complaints resolved at first contact and not reopened since
     * @param firstContactResolutionRate firstContactResolutions / received
     * @param receivedBySegment          complaints received per customer segment (UNKNOWN: not known);
     *                                   segments without complaints are left out
     */
    @Schema(name = "ComplaintStatistics")
    public record StatisticsView(
            long received,
            long resolved,
            long resolvedWithinDeadline,
            double shareResolvedWithinDeadline,
            String medianResolutionTime,
            String p90ResolutionTime,
            long satisfactionResponses,
            double meanSatisfaction,
            long reopened,
            double reopenRate,
            long escalated,
            long callBacksRequired,
            long callBacksDone,
            double callBackCoverage,
            long firstContactResolutions,
            double firstContactResolutionRate,
            @Schema(examples = "{\"UNKNOWN\": 2, \"MOBILE\": 10, \"VIP\": 1}") Map<String, Long> receivedBySegment) {}

    /** One line of the period feed: a unit and its complaint statistics. */
    @Schema(name = "UnitComplaintStatistics")
    public record UnitStatisticsView(String unitId, StatisticsView statistics) {}

    /**
     * The optional body of a state change; each verb reads the fields it needs.
     *
     * @param note      for the history (every verb but recordCallBack)
     * @param rootCause for resolve: a code of capitals, digits and '_'
     * @param remedy    for resolve: the remedy or action taken
     * @param score     for recordSatisfaction, required: 1 (very dissatisfied) to 5; 1 or 2 schedules a call-back
     * @param outcome   for recordCallBack: what came of the call-back
     * @param resolvedAtFirstContact for resolve: resolved in the contact in which the complaint was received
     *                  (refused with 409 NOT_FIRST_CONTACT when the complaint was reopened, waited on the
     *                  customer, was escalated or came as a referral); false when absent
     */
    @Schema(name = "ComplaintChange")
    public record ChangeBody(
            String note,
            String rootCause,
            String remedy,
            Integer score,
            String outcome,
            Boolean resolvedAtFirstContact) {}

    /** A complaint category. */
    @Schema(name = "ComplaintCategory")
    public record CategoryView(String code, String name) {}
}
