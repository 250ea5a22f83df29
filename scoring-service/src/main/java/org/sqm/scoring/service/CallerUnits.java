package org.sqm.scoring.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitScopes;
import org.sqm.commons.error.NotFoundException;

/**
 * The units the caller of this gRPC call may see (commons {@link UnitScopes}), read once per call. A
 * unit-scoped caller's units come from standards-service, and no remote call may run inside a
 * database transaction: the gRPC edge calls {@link #resolve()} before it enters a transactional
 * service, which then reads the answer kept here.
 */
@RequestScoped
public class CallerUnits {

    private final UnitScopes scopes;
    private Optional<Set<UUID>> visible;

    public CallerUnits(UnitScopes scopes) {
        this.scopes = scopes;
    }

    /** Reads the caller's units now (outside any transaction); cheap for callers not cut to units. */
    public void resolve() {
        if (visible == null) {
            visible = scopes.visibleUnits();
        }
    }

    /** The units the caller may see, or empty when it may see all of them. */
    public Optional<Set<UUID>> visibleUnits() {
        // Unresolved inside a transaction: fine for a caller not cut to units (nothing remote to read);
        // for one that is, commons refuses the remote call (a missing resolve() at the edge).
        resolve();
        return visible;
    }

    /** Whether the caller may see the unit's resources. */
    public boolean sees(UUID unit) {
        return visibleUnits().map(units -> units.contains(unit)).orElse(true);
    }

    /** NOT_FOUND, worded as for a missing resource, when the caller may not see the unit. */
    public void requireVisible(UUID unit, String resource, String id) {
        if (!sees(unit)) {
            throw new NotFoundException(resource, id);
        }
    }

    /** What a list's page tokens are bound to besides the list's query (commons {@link UnitScopes#scopeKey()}). */
    public String scopeKey() {
        return scopes.scopeKey();
    }
}
