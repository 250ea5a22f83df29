package org.sqm.scoring.domain;

/** The lifecycle of a scoring model version: drafts change, published versions score, retired ones stay named. */
public enum ScoringModelState {
    DRAFT,
    PUBLISHED,
    RETIRED
}
