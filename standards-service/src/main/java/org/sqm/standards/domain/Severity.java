package org.sqm.standards.domain;

/** How serious a case is. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
