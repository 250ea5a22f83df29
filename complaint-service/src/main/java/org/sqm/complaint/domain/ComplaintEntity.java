package org.sqm.complaint.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A customer complaint, its deadlines and the pauses of its resolution clock. */
@Entity
@Table(name = "complaint")
public class ComplaintEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 32)
    public String reference;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public ComplaintChannel channel;

    @Column(nullable = false, length = 40)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Severity severity;

    @Column(nullable = false)
    public String description;

    @Column(name = "remedy_sought", length = 2000)
    public String remedySought;

    /** Confidential: returned only in the full view. */
    @Column(name = "complainant_name", length = 200)
    public String complainantName;

    @Column(name = "complainant_email", length = 254)
    public String complainantEmail;

    @Column(name = "complainant_phone", length = 30)
    public String complainantPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ComplaintStatus status;

    @Column(name = "receive_time", nullable = false)
    public Instant receiveTime;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "escalated_to_unit_id")
    public UUID escalatedToUnitId;

    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    /** A deadline was breached and the complaint still has to go one level up (see DeadlineWatch). */
    @Column(name = "escalation_pending", nullable = false)
    public boolean escalationPending;

    @Column(name = "root_cause", length = 40)
    public String rootCause;

    @Column(length = 2000)
    public String remedy;

    @Column(name = "resolve_time")
    public Instant resolveTime;

    /** The business calendar the deadlines run on. */
    @Column(name = "calendar_id")
    public UUID calendarId;

    /** The call-back allowance of the service-level rule, for a call-back after resolution. */
    @Column(name = "call_back_seconds")
    public Long callBackSeconds;

    @Column(name = "deadline_source", length = 120)
    public String deadlineSource;

    /** Satisfaction with the handling, 1 to 5; null until asked. */
    public Short satisfaction;

    @Column(name = "call_back_outcome", length = 2000)
    public String callBackOutcome;

    /** Business seconds from receipt to the last resolution, pauses left out. */
    @Column(name = "resolution_business_seconds")
    public Long resolutionBusinessSeconds;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    /** The complainant's customer segment; null when not known. */
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_segment", length = 20)
    public CustomerSegment customerSegment;

    /** Resolved in the contact in which it was received; cleared when the complaint is reopened. */
    @Column(name = "first_contact_resolution", nullable = false)
    public boolean firstContactResolution;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "complaint_deadline", joinColumns = @JoinColumn(name = "complaint_id"))
    public List<Deadline> deadlines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "complaint_pause", joinColumns = @JoinColumn(name = "complaint_id"))
    @OrderColumn(name = "position")
    public List<Pause> pauses = new ArrayList<>();

    @Version
    public long version;

    /** The unit the complaint is with now: the one it was escalated to, or its own. */
    public UUID currentUnitId() {
        return escalatedToUnitId != null ? escalatedToUnitId : unitId;
    }

    public Optional<Deadline> deadline(DeadlineKind kind) {
        return deadlines.stream().filter(d -> d.kind == kind).findFirst();
    }

    /** One deadline: the business time allowed and the instant it falls due. */
    @Embeddable
    public static class Deadline {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 20)
        public DeadlineKind kind;

        @Column(name = "allowed_seconds", nullable = false)
        public long allowedSeconds;

        @Column(name = "due_time", nullable = false)
        public Instant dueTime;

        @Column(name = "met_time")
        public Instant metTime;

        @Column(nullable = false)
        public boolean breached;

        /** When the warning share of the allowed business time is used up; null: no warning. */
        @Column(name = "warn_time")
        public Instant warnTime;

        @Column(nullable = false)
        public boolean warned;

        public Deadline() {}

        public Deadline(DeadlineKind kind, long allowedSeconds, Instant dueTime) {
            this.kind = kind;
            this.allowedSeconds = allowedSeconds;
            this.dueTime = dueTime;
        }

        /** Missed: met late, or still open past its due time. */
        public boolean isBreached(Instant now) {
            return breached || (metTime == null ? now.isAfter(dueTime) : metTime.isAfter(dueTime));
        }
    }

    /** An interval during which the resolution clock stood still; end null while it stands. */
    @Embeddable
    public static class Pause {
        @Column(name = "start_time", nullable = false)
        public Instant startTime;

        @Column(name = "end_time")
        public Instant endTime;

        public Pause() {}

        public Pause(Instant startTime, Instant endTime) {
            this.startTime = startTime;
            this.endTime = endTime;
        }
    }
}
