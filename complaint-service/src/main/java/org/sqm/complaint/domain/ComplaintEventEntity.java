package org.sqm.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a complaint: who, when, from which status to which, and why. Never changed. */
@Entity
@Table(name = "complaint_event")
public class ComplaintEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "complaint_id", nullable = false)
    public UUID complaintId;

    @Column(name = "event_time", nullable = false)
    public Instant time;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false, length = 40)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 30)
    public ComplaintStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 30)
    public ComplaintStatus toStatus;

    @Column(length = 2000)
    public String note;
}
