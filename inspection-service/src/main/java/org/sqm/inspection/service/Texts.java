package org.sqm.inspection.service;

/** The empty/absent edge of protobuf strings, which are never null. */
final class Texts {

    private Texts() {}

    /** An empty string is an absent value. */
    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
