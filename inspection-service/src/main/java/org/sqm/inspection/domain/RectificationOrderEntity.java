package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A rectification order answering one finding. Updates write only changed columns, so the watch's
 * overdue flag (set by SQL) is never overwritten.
 */
@Entity
@Table(name = "rectification_order")
@DynamicUpdate
public class RectificationOrderEntity {

    @Id
    public UUID id;

    @OneToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "finding_id", nullable = false, updatable = false)
    public FindingEntity finding;

    @Column(name = "owner_unit_id", nullable = false)
    public UUID ownerUnitId;

    @Column(nullable = false, length = 4000)
    public String description;

    @Column(name = "due_time", nullable = false)
    public Instant dueTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RectificationStatus status;

    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;

    @Column(name = "completion_note", length = 4000)
    public String completionNote;

    @Column(name = "verification_note", length = 4000)
    public String verificationNote;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Column(name = "done_time")
    public Instant doneTime;

    @Column(name = "verify_time")
    public Instant verifyTime;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @Version
    public long version;
}
