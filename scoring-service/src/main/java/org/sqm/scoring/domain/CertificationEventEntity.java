package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One change of a certification, numbered from 1 per certification: when, what, why and who. */
@Entity
@Table(name = "certification_event")
public class CertificationEventEntity {

    /** The certification and the change's number. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "certification_id", nullable = false)
        public UUID certificationId;

        @Column(nullable = false)
        public int seq;

        public Key() {}

        public Key(UUID certificationId, int seq) {
            this.certificationId = certificationId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.certificationId, certificationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(certificationId, seq);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public Instant time;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public CertificationChange action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    public CertificationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    public CertificationStatus toStatus;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "planned_inspection_id")
    public UUID plannedInspectionId;
}
