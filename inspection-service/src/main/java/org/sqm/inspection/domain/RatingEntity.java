package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The rating of one element in one inspection. */
@Entity
@Table(name = "rating")
@IdClass(RatingEntity.Key.class)
public class RatingEntity {

    /** The primary key: inspection and element code. */
    public record Key(UUID inspectionId, String elementCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** A file kept elsewhere. */
    public record Attachment(String uri, String sha256) {}

    /** An on-site interview note. */
    public record Interview(IntervieweeGroup group, String note) {}

    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Id
    @Column(name = "element_code", length = 64)
    public String elementCode;

    /** The element's place in the pinned version, to list ratings in the standard's order. */
    @Column(nullable = false)
    public int position;

    @Column(name = "level_code", length = 64)
    public String levelCode;

    public Integer score;

    @Column(name = "not_applicable", nullable = false)
    public boolean notApplicable;

    @Column(length = 2000)
    public String justification;

    @Column(name = "evidence_notes")
    public String evidenceNotes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Attachment> attachments;

    public String observations;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Interview> interviews;

    @Column(name = "meets_requirement", nullable = false)
    public boolean meetsRequirement;

    @Column(nullable = false)
    public int points;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;
}
