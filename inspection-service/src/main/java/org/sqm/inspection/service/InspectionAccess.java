package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.CallAccess;
import org.sqm.commons.auth.UnitScopes;
import org.sqm.commons.error.NotFoundException;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.domain.RectificationOrderEntity;
import org.sqm.inspection.domain.SupervisionOrderEntity;
import org.sqm.inspection.repository.InspectionRepository;
import org.sqm.inspection.repository.InspectorRepository;

/**
 * What the caller of the call being served may see of inspections and what hangs on them (issue 17):
 * a unit manager or viewer only those of its units and the units below them ({@link UnitScopes}); an
 * inspector only the inspections assigned to the inspector whose {@code subject} is the token's subject.
 * Everything else is NOT_FOUND, worded as for an id that does not exist; lists are filtered in SQL.
 */
@ApplicationScoped
public class InspectionAccess {

    /** Assigned to no inspection: what an inspector's token without a registered inspector works as. */
    static final UUID NOBODY = new UUID(0, 0);

    private final UnitScopes scopes;
    private final InspectorRepository inspectors;
    private final InspectionRepository inspections;

    public InspectionAccess(UnitScopes scopes, InspectorRepository inspectors, InspectionRepository inspections) {
        this.scopes = scopes;
        this.inspectors = inspectors;
        this.inspections = inspections;
    }

    /** The units the caller may see, or empty when it may see all of them. */
    public Optional<Set<UUID>> visibleUnits() {
        return scopes.visibleUnits();
    }

    /**
     * The inspector the caller works as when it is cut to the inspections assigned to it; {@link #NOBODY}
     * for an inspector's token whose subject no registered inspector holds. Empty: not cut.
     */
    public Optional<UUID> assignee() {
        return CallAccess.current().flatMap(CallAccess::inspectorSubject).map(subject -> inspectors
                .findBySubject(subject)
                .map((InspectorEntity i) -> i.id)
                .orElse(NOBODY));
    }

    /** Whether the caller may see the inspection. */
    public boolean sees(InspectionEntity e) {
        return scopes.sees(e.unitId) && assignee().map(e.inspectorIds::contains).orElse(true);
    }

    /** The inspection, or NOT_FOUND exactly as for a missing id when the caller may not see it. */
    public InspectionEntity require(InspectionEntity e) {
        if (!sees(e)) {
            throw new NotFoundException("inspection", e.id.toString());
        }
        return e;
    }

    /**
     * The order, or NOT_FOUND as for a missing id unless the caller sees its owner unit or the inspected
     * unit and, working as an inspector, is assigned to the inspection that found it.
     */
    public RectificationOrderEntity require(RectificationOrderEntity o) {
        boolean sees = scopes.seesAny(java.util.List.of(o.ownerUnitId, o.finding.unitId))
                && assignee()
                        .map(inspector -> inspections
                                .findByIdOptional(o.finding.inspectionId)
                                .map(e -> e.inspectorIds.contains(inspector))
                                .orElse(false))
                        .orElse(true);
        if (!sees) {
            throw new NotFoundException("rectification order", o.id.toString());
        }
        return o;
    }

    /** The order, or NOT_FOUND as for a missing id unless the caller sees its unit. */
    public SupervisionOrderEntity require(SupervisionOrderEntity o) {
        scopes.requireVisible(o.unitId, "supervision order", o.id.toString());
        return o;
    }

    /** Adds the caller's cut to a list of rectification orders. */
    KeysetQuery restrictOrders(KeysetQuery query) {
        restrictUnitsWhere(query, "(ownerUnitId in :visibleUnits or finding.unitId in :visibleUnits)");
        assignee()
                .ifPresent(inspector -> query.where(
                        "finding.inspectionId in (select i.id from InspectionEntity i where :assignee member of i.inspectorIds)",
                        "assignee",
                        inspector));
        return query;
    }

    /** Whether the caller may see a resource of any of these units. */
    public boolean seesAny(Collection<UUID> units) {
        return scopes.seesAny(units);
    }

    /** Throws NOT_FOUND (as for a missing resource) unless the caller may see the unit. */
    public void requireVisible(UUID unit, String resource, String id) {
        scopes.requireVisible(unit, resource, id);
    }

    /** What a list's page token is bound to besides its filters: the caller's scope. */
    public String scopeKey() {
        return scopes.scopeKey();
    }

    /**
     * Adds the caller's cut to a list query over inspections: {@code unitPath} is the unit column,
     * {@code inspectorsPath} the collection of assigned inspector ids (HQL paths of the queried entity).
     */
    KeysetQuery restrictInspections(KeysetQuery query, String unitPath, String inspectorsPath) {
        restrictUnits(query, unitPath);
        assignee().ifPresent(inspector -> query.where(":assignee member of " + inspectorsPath, "assignee", inspector));
        return query;
    }

    /** Adds the caller's unit cut to a list query: {@code condition} uses the parameter {@code :visibleUnits}. */
    KeysetQuery restrictUnits(KeysetQuery query, String unitPath) {
        return restrictUnitsWhere(query, unitPath + " in :visibleUnits");
    }

    /** Adds the caller's unit cut as {@code condition}, which uses the parameter {@code :visibleUnits}. */
    KeysetQuery restrictUnitsWhere(KeysetQuery query, String condition) {
        visibleUnits().ifPresent(units -> {
            if (units.isEmpty()) {
                query.whereIf(true, "1 = 0");
            } else {
                query.where(condition, "visibleUnits", units);
            }
        });
        return query;
    }
}
