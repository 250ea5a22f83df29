package org.sqm.complaint.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.CallAccess;
import org.sqm.commons.auth.UnitScopes;
import org.sqm.commons.error.NotFoundException;
import org.sqm.complaint.domain.ComplaintEntity;

/**
 * Which complaints the caller of the call being served may see and handle (commons {@link UnitScopes}):
 * those about a unit of its token or a unit below one, and those escalated to such a unit (escalation
 * goes up the hierarchy, so the unit a complaint is escalated to is above the unit it is about and its
 * people see it anyway; checking both keeps that true if the tree is reorganised later). Asked once per
 * call, before any transaction opens (the unit tree comes from standards-service); the answer is then
 * checked inside the transactions without another remote call.
 */
@ApplicationScoped
public class ComplaintScope {

    private final UnitScopes scopes;

    public ComplaintScope(UnitScopes scopes) {
        this.scopes = scopes;
    }

    /** The caller's view of the complaints: all of them, or those of a set of units. */
    public record Visible(Optional<Set<UUID>> units) {

        /** Every complaint: organisation-wide roles, service tokens and the service's own jobs. */
        public static final Visible ALL = new Visible(Optional.empty());

        public boolean sees(ComplaintEntity e) {
            return units.isEmpty()
                    || units.get().contains(e.unitId)
                    || (e.escalatedToUnitId != null && units.get().contains(e.escalatedToUnitId));
        }

        public boolean seesUnit(UUID unit) {
            return units.isEmpty() || units.get().contains(unit);
        }

        /** The complaint, or NOT_FOUND worded exactly as for a complaint that does not exist. */
        public ComplaintEntity require(ComplaintEntity e, String id) {
            if (!sees(e)) {
                throw new NotFoundException("complaint", id);
            }
            return e;
        }

        /** NOT_FOUND for the unit, as standards-service answers for a unit it does not know. */
        public void requireUnit(UUID unit) {
            if (!seesUnit(unit)) {
                throw new NotFoundException("unit", unit.toString());
            }
        }
    }

    /** What the caller of the call being served may see; asks standards-service, so never inside a transaction. */
    public Visible current() {
        return new Visible(scopes.visibleUnits());
    }

    /** What binds a list's page tokens to the caller's scope. */
    public String key() {
        return scopes.scopeKey();
    }

    /** Whether the caller may see a complainant's contact details on a complaint in its scope. */
    public static boolean seesPersonalData() {
        return CallAccess.current().map(CallAccess::seesPersonalData).orElse(false);
    }
}
