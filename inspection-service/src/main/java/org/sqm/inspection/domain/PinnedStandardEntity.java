package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The local copy of a published standard version that inspections pin. */
@Entity
@Table(name = "pinned_standard")
public class PinnedStandardEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false)
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public StandardSnapshot content;

    @Column(name = "fetch_time", nullable = false)
    public Instant fetchTime;
}
