package org.sqm.scoring.domain;

/** What loading a catalogue did to one of its entries. */
public enum CatalogueOutcome {
    CREATED,
    UNCHANGED,
    DIFFERENT
}
