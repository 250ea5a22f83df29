package org.sqm.complaint.domain;

/** The channel through which a complaint reached the organisation. */
public enum ComplaintChannel {
    PHONE,
    EMAIL,
    WEB_FORM,
    SOCIAL_MEDIA,
    IN_PERSON,
    REGULATOR_REFERRAL,
    CONSUMER_ASSOCIATION_REFERRAL;

    /** Passed on by a third party: the customer complained there first, so it is never a first contact. */
    public boolean isReferral() {
        return this == REGULATOR_REFERRAL || this == CONSUMER_ASSOCIATION_REFERRAL;
    }
}
