package org.sqm.complaint.domain;

/** How serious a complaint is; CRITICAL ones are escalated at once. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
