package org.sqm.standards.domain;

/** Where a version of a standard is in its lifecycle. */
public enum StandardStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
