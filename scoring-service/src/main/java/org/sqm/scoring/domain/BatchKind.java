package org.sqm.scoring.domain;

/** What a batch of inputs holds; batch ids are unique across the kinds. */
public enum BatchKind {
    MEASUREMENTS,
    SURVEY_RESPONSES,
    CUSTOMERS_SERVED
}
