package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A batch of inputs as it came in: its client-chosen id, its source and, for a correction, the batch
 * it supersedes. Never changed once recorded; which batch superseded it is read off its correction.
 */
@Entity
@Table(name = "input_batch")
public class InputBatchEntity {

    @Id
    public UUID id;

    @Column(name = "batch_id", nullable = false, length = 100)
    public String batchId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public BatchKind kind;

    @Column(nullable = false, length = 200)
    public String source;

    @Column(name = "supersedes_batch_id", length = 100)
    public String supersedesBatchId;

    /** The declared scale of a survey batch; null for other kinds. */
    @Column(name = "scale_min")
    public Double scaleMin;

    @Column(name = "scale_max")
    public Double scaleMax;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    /** A digest of the batch's content: the same batch id with other content is refused. */
    @Column(nullable = false, length = 64)
    public String fingerprint;

    @Column(name = "record_time", nullable = false)
    public Instant recordTime;
}
