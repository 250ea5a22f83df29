package org.sqm.commons.convert;

/** The empty/absent edge between protobuf strings (never null) and Java values (null when absent). */
public final class Texts {

    private Texts() {}

    /** Whether the text has anything but white space. */
    public static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** An empty string is an absent value. */
    public static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A blank string is an absent value. */
    public static String blankToNull(String s) {
        return notBlank(s) ? s : null;
    }

    /** An absent value is the empty string, as protobuf setters need. */
    public static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The text cut to at most {@code max} characters. */
    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
