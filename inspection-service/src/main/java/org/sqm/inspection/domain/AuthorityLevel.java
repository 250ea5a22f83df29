package org.sqm.inspection.domain;

/** The level of the body that issued an inspector's certificate or carries out an inspection. */
public enum AuthorityLevel {
    NATIONAL,
    PROVINCIAL,
    CITY,
    UNIT;

    /** Whether a certificate of this level may inspect on behalf of {@code authority}: the same level or above. */
    public boolean covers(AuthorityLevel authority) {
        return ordinal() <= authority.ordinal();
    }

    /** Whether an inspection by this authority is a regulator's, carried out by two or more inspectors. */
    public boolean isRegulator() {
        return this != UNIT;
    }
}
