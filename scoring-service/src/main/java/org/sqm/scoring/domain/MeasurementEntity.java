package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One measurement of an indicator for a unit and period: a rate's numerator and denominator, or a mean and its sample size. */
@Entity
@Table(name = "measurement")
public class MeasurementEntity extends PeriodItemEntity {

    @Column(name = "indicator_code", nullable = false, length = 64)
    public String indicatorCode;

    @Column(nullable = false)
    public long numerator;

    @Column(nullable = false)
    public long denominator;

    @Column(nullable = false)
    public double mean;

    @Column(name = "sample_size", nullable = false)
    public long sampleSize;

    /** The measured value: a rate as a percentage, a mean as it is. */
    public double value() {
        return denominator > 0 ? numerator * 100.0 / denominator : mean;
    }
}
