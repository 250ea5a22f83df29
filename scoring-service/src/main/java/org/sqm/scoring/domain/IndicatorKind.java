package org.sqm.scoring.domain;

/** What a measurement of an indicator carries: a numerator of a denominator, or a mean with its sample size. */
public enum IndicatorKind {
    RATE,
    MEAN
}
