package org.sqm.standards.domain;

/** A channel through which service is delivered. */
public enum ServiceChannel {
    IN_PERSON,
    PHONE,
    ONLINE,
    EMAIL,
    SOCIAL_MEDIA,
    FIELD_VISIT,
    ACCOUNT_MANAGEMENT,
    REFERRAL
}
