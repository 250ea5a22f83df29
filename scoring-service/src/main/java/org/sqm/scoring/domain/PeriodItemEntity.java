package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;

/** An item of a batch that is given for a period (a measurement, a count of customers): the period as written and its days. */
@MappedSuperclass
public abstract class PeriodItemEntity extends BatchItemEntity {

    @Column(nullable = false, length = 7)
    public String period;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    /** Sets the period and its first and last-plus-one days. */
    public void period(Period p) {
        period = p.text();
        periodStart = p.start();
        periodEnd = p.end();
    }
}
