package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * What every item of a batch has: its batch, its place in it, its unit, and whether it is current
 * (false once a correction superseded its batch; the item itself stays).
 */
@MappedSuperclass
public abstract class BatchItemEntity {

    @Id
    public UUID id;

    @Column(name = "batch_pk", nullable = false)
    public UUID batchPk;

    @Column(name = "item_index", nullable = false)
    public int itemIndex;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false)
    public boolean current;

    @Column(name = "record_time", nullable = false)
    public Instant recordTime;
}
