package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What a finalized inspection found wrong with one element; never changes. */
@Entity
@Table(name = "finding")
public class FindingEntity {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "element_code", nullable = false, length = 64)
    public String elementCode;

    @Column(name = "element_title", nullable = false, length = 1000)
    public String elementTitle;

    @Column(name = "level_code", length = 64)
    public String levelCode;

    @Column(nullable = false)
    public int points;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public FindingSeverity severity;

    @Column(name = "evidence_notes")
    public String evidenceNotes;
}
