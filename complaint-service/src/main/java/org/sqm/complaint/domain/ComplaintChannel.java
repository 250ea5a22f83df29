package org.sqm.complaint.domain;

/** The channel through which a complaint reached the organisation. */
public enum ComplaintChannel {
    PHONE,
    EMAIL,
    WEB_FORM,
    SOCIAL_MEDIA,
    IN_PERSON,
    REGULATOR_REFERRAL,
    CONSUMER_ASSOCIATION_REFERRAL
}
