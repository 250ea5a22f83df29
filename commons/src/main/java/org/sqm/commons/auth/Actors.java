package org.sqm.commons.auth;

import java.util.Optional;

/**
 * Who a change is recorded against: the verified subject of the person calling, never a name the
 * request merely claims. A service token (subject {@code service:<app>}) acts for work without a
 * person (a scheduled job, a test), so there the request's own {@code actor} field still names it.
 */
public final class Actors {

    private Actors() {}

    /** The caller's subject, or {@code requested} when no person is calling. */
    public static String of(String requested) {
        return person().orElse(requested);
    }

    /** The subject of the person calling, if a person is calling. */
    public static Optional<String> person() {
        return Caller.current()
                .map(Caller::subject)
                .filter(subject -> subject != null && !subject.isBlank() && !subject.startsWith("service:"));
    }
}
