package org.sqm.inspection.domain;

/** The level of the body that issued an inspector's certificate. */
public enum AuthorityLevel {
    NATIONAL,
    PROVINCIAL,
    CITY,
    UNIT
}
