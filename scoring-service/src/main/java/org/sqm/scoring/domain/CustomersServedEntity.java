package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** How many customers a unit served in a period. */
@Entity
@Table(name = "customers_served")
public class CustomersServedEntity extends BatchItemEntity {

    @Column(nullable = false, length = 7)
    public String period;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public long customers;
}
