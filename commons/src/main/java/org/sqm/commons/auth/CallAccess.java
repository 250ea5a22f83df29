package org.sqm.commons.auth;

import io.grpc.Context;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.proto.common.v1.Role;

/**
 * What the caller of the gRPC call being served may see, decided by {@link IncomingTokenInterceptor}
 * from the method's roles and the token: the roles that let it in ({@code granted}), the units it is
 * cut to, whether it works as an inspector, whether it sees personal data. A service keeps the
 * answers of one call to this; absent (a scheduled job, or authentication off) means unrestricted.
 */
public record CallAccess(Caller caller, String method, Set<Role> granted, boolean service) {

    static final Context.Key<CallAccess> KEY = Context.key("sqm-call-access");

    /** The access of the gRPC call this thread serves; empty in a job (unrestricted). */
    public static Optional<CallAccess> current() {
        return Optional.ofNullable(KEY.get());
    }

    /** Whether the call is not cut at all: a service token, or a granted organisation-wide role. */
    public boolean unrestricted() {
        return service || granted.stream().anyMatch(Roles.UNSCOPED::contains);
    }

    /**
     * The unit ids of the token when the call is cut to units (a unit manager, viewer or complaint
     * handler, and no organisation-wide role): the caller sees these and their descendants. Empty when
     * the call is unrestricted or not cut to units; a token of those roles without units sees nothing.
     */
    public Optional<Set<UUID>> unitRoots() {
        if (unrestricted() || granted.stream().noneMatch(Roles.UNIT_SCOPED::contains)) {
            return Optional.empty();
        }
        Set<UUID> roots = new LinkedHashSet<>();
        for (String unit : caller.units()) {
            try {
                roots.add(UUID.fromString(unit));
            } catch (IllegalArgumentException notAUnitId) {
                // A unit the services cannot know: grants nothing.
            }
        }
        return Optional.of(Collections.unmodifiableSet(roots));
    }

    /** The subject an inspector works as, when the call is let in as an inspector and not unrestricted. */
    public Optional<String> inspectorSubject() {
        return !unrestricted() && granted.contains(Role.ROLE_INSPECTOR)
                ? Optional.of(caller.subject())
                : Optional.empty();
    }

    /** Whether the caller may see personal data (contact details) on a single resource in its scope. */
    public boolean seesPersonalData() {
        return !service && granted.stream().anyMatch(Roles.PERSONAL_DATA::contains);
    }

    /** Whether the call comes only as a unit manager or viewer: no mystery shopper's identity for them. */
    public boolean onlyAsTheUnit() {
        EnumSet<Role> unitSide = EnumSet.of(Role.ROLE_UNIT_MANAGER, Role.ROLE_VIEWER, Role.ROLE_COMPLAINT_HANDLER);
        return !unrestricted() && !granted.isEmpty() && unitSide.containsAll(granted);
    }
}
