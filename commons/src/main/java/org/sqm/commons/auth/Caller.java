package org.sqm.commons.auth;

import io.grpc.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the verified bearer token of the gRPC call being served. The subject is the actor of
 * every change; groups are the roles, {@code units} the organisation units the caller acts for.
 */
public record Caller(String subject, Set<String> groups, List<String> units, String rawToken) {

    /** The gRPC context key under which {@link IncomingTokenInterceptor} leaves the caller. */
    static final Context.Key<Caller> KEY = Context.key("sqm-caller");

    /** The caller of the gRPC call this thread serves, if any (none in a scheduled job). */
    public static Optional<Caller> current() {
        return Optional.ofNullable(KEY.get());
    }

    /** Whether the caller holds {@code role}. */
    public boolean hasRole(String role) {
        return groups.contains(role);
    }
}
