package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** How many customers a unit served in a period. */
@Entity
@Table(name = "customers_served")
public class CustomersServedEntity extends PeriodItemEntity {

    @Column(nullable = false)
    public long customers;
}
