package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One status report of a supervision order; never changes. */
@Entity
@Table(name = "supervision_report")
@IdClass(SupervisionReportEntity.Key.class)
public class SupervisionReportEntity {

    /** The primary key: order and report number. */
    public record Key(UUID orderId, int number) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Id
    public int number;

    @Column(name = "due_time", nullable = false)
    public Instant dueTime;

    @Column(name = "submit_time", nullable = false)
    public Instant submitTime;

    @Column(nullable = false, length = 4000)
    public String note;

    @Column(nullable = false)
    public boolean late;

    @Column(nullable = false, length = 100)
    public String actor;
}
