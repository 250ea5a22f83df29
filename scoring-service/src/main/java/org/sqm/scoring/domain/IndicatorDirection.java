package org.sqm.scoring.domain;

/** Which way an indicator improves. */
public enum IndicatorDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
