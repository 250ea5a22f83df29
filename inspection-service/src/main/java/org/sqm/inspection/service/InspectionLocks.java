package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.Etags;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.repository.InspectionRepository;

/**
 * Locks an inspection for a change inside the caller's transaction, so changes to one inspection are
 * made one at a time, and refuses the changes no inspection in its status may take.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InspectionLocks {

    private final InspectionRepository inspections;
    private final InspectionAccess access;

    public InspectionLocks(InspectionRepository inspections, InspectionAccess access) {
        this.inspections = inspections;
        this.access = access;
    }

    /** Locks the inspection; refuses frozen ones and stale etags. */
    public InspectionEntity forChange(String id, String etag) {
        InspectionEntity e = lock(id);
        if (e.status.frozen()) {
            throw frozen(e);
        }
        Etags.require(etag, e.version, "inspection", id, "etag");
        return e;
    }

    /** Locks the inspection without an etag: several inspectors rate at once, each call all or nothing. */
    public InspectionEntity forRating(String id) {
        InspectionEntity e = lock(id);
        if (!e.status.ratable()) {
            throw notInStatus(e, "rate elements");
        }
        return e;
    }

    private InspectionEntity lock(String id) {
        UUID inspectionId = Violations.parseId("id", id);
        // An inspection the caller may not see (another unit's, one not assigned to the inspector
        // calling) is answered exactly like a missing one.
        return access.require(
                inspections.findForUpdate(inspectionId).orElseThrow(() -> new NotFoundException("inspection", id)));
    }

    /** The refusal of {@code what} in the inspection's status. */
    static FailedPreconditionException notInStatus(InspectionEntity e, String what) {
        if (e.status.frozen()) {
            return frozen(e);
        }
        return new FailedPreconditionException(
                "INVALID_STATUS",
                "cannot " + what + " while the inspection is " + e.status,
                Map.of("status", e.status.name()));
    }

    private static FailedPreconditionException frozen(InspectionEntity e) {
        return new FailedPreconditionException(
                "INSPECTION_FROZEN",
                "inspection " + e.id + " is " + e.status + " and never changes",
                Map.of("status", e.status.name()));
    }
}
