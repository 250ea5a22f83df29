package org.sqm.commons.error;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Collects every invalid field of a request so the caller learns all of them in one answer. */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Adds a violation unless {@code ok} holds. */
    public Violations check(boolean ok, String field, String description) {
        if (!ok) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    /** Requires a non-blank text of at most {@code maxLength} characters. */
    public Violations requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required");
        }
        return maxLength(field, value, maxLength);
    }

    /** Requires an optional text to have at most {@code maxLength} characters. */
    public Violations maxLength(String field, String value, int maxLength) {
        return check(
                value == null || value.length() <= maxLength,
                field,
                "must be at most " + maxLength + " characters long");
    }

    /** Requires a non-blank text that matches {@code pattern}; {@code rule} explains the pattern. */
    public Violations requirePattern(String field, String value, Pattern pattern, String rule) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required");
        }
        return check(pattern.matcher(value).matches(), field, rule);
    }

    /** Requires a set enum value: {@code known} is false for UNSPECIFIED and for unknown numbers. */
    public Violations requireEnum(String field, boolean known) {
        return check(known, field, "is required and must be one of the documented values");
    }

    /** Requires an optional id to be empty or a UUID. */
    public Violations optionalId(String field, String value) {
        return check(value == null || value.isEmpty() || isUuid(value), field, "must be a UUID");
    }

    /**
     * Requires an AIP-134 update mask: at least one path, each of them one of {@code updatable}
     * (proto field names), every wrong path named.
     */
    public Violations updateMask(java.util.Collection<String> mask, java.util.Collection<String> updatable) {
        check(!mask.isEmpty(), "update_mask", "is required: name the fields to change");
        for (String path : mask) {
            check(
                    updatable.contains(path),
                    "update_mask",
                    "'" + path + "' cannot be changed; changeable are " + String.join(", ", updatable));
        }
        return this;
    }

    /** Throws an {@link InvalidArgumentException} naming every violation, if any. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    /** Parses a required resource id; an id that is no UUID cannot name a resource. */
    public static UUID parseId(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidArgumentException(field, "is required");
        }
        if (!isUuid(value)) {
            throw new InvalidArgumentException(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    private static boolean isUuid(String value) {
        return value.length() == 36 && UUID_PATTERN.matcher(value).matches();
    }

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
}
