package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An accreditation decision on one unit's assessment under one rules version. */
@Entity
@Table(name = "accreditation_decision")
public class AccreditationDecisionEntity {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "rules_id", nullable = false)
    public UUID rulesId;

    @Column(name = "rules_code", nullable = false, length = 64)
    public String rulesCode;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    /** The outcome's short name, e.g. {@code ACCREDITED_WITH_ACTION_PLAN}. */
    @Column(nullable = false, length = 40)
    public String outcome;

    /** The proto JSON of the {@code sqm.scoring.v1.AccreditationDecision} without id and certification. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String decision;

    @Column(name = "decide_time", nullable = false)
    public Instant decideTime;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(name = "certification_id")
    public UUID certificationId;

    /** The certification action's short name, e.g. {@code GRANTED}; null when none. */
    @Column(name = "certification_action", length = 40)
    public String certificationAction;
}
