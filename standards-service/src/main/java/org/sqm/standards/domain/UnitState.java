package org.sqm.standards.domain;

/** Whether a unit is in service; units are deactivated, never deleted. */
public enum UnitState {
    ACTIVE,
    INACTIVE
}
