package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.repository.InspectionRepository;

/** Reads inspections: one by id, or pages of them. */
@ApplicationScoped
@Transactional
public class InspectionQueries {

    /** Why a list refuses open_only with status: the two filters say different things about the same field. */
    static final String OPEN_ONLY_WITH_STATUS =
            "cannot be combined with status: open_only already means the open statuses";

    private final InspectionRepository inspections;
    private final InspectionViews views;
    private final PageTokens pageTokens;
    private final InspectionAccess access;

    public InspectionQueries(
            InspectionRepository inspections, InspectionViews views, PageTokens pageTokens, InspectionAccess access) {
        this.inspections = inspections;
        this.views = views;
        this.pageTokens = pageTokens;
        this.access = access;
    }

    /** List filters. */
    public record InspectionFilter(
            String unitId, String planId, InspectionStatus status, boolean missedOnly, boolean openOnly) {}

    /** One page of inspections. */
    public record InspectionPage(List<InspectionView> inspections, String nextPageToken) {}

    /** Returns the inspection with its ratings. */
    public InspectionView get(String id) {
        return views.of(views.find(Violations.parseId("id", id)), true);
    }

    /** Lists inspections, latest window first. */
    @ReadOnlyTransaction
    public InspectionPage list(InspectionFilter filter, int pageSize, String pageToken) {
        new Violations()
                .optionalId("unit_id", filter.unitId())
                .optionalId("plan_id", filter.planId())
                .check(!filter.openOnly() || filter.status() == null, "open_only", OPEN_ONLY_WITH_STATUS)
                .throwIfAny();
        KeysetQuery query =
                access.restrictInspections(KeysetQuery.newestFirst("windowStart"), "unitId", "inspectorIds");
        PageTokens.Page<InspectionView> page = query.where("unitId = :unit", "unit", KeysetQuery.id(filter.unitId()))
                .where("planId = :plan", "plan", KeysetQuery.id(filter.planId()))
                .where("status = :status", "status", filter.status())
                .whereIf(filter.missedOnly(), "missed = true")
                .where("status in :open", "open", filter.openOnly() ? InspectionStatus.OPEN_STATUSES : null)
                .page(
                        inspections,
                        pageTokens,
                        "inspections:" + filter + "|" + access.scopeKey(),
                        pageToken,
                        pageSize,
                        e -> e.windowStart,
                        e -> e.id)
                .map(e -> views.of(e, false));
        return new InspectionPage(page.items(), page.nextPageToken());
    }
}
