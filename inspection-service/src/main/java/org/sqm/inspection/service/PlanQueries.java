package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.inspection.domain.InspectionPlanEntity;
import org.sqm.inspection.repository.InspectionPlanRepository;

/** Reads inspection plans: one by id, or pages of them. */
@ApplicationScoped
@Transactional
public class PlanQueries {

    private static final String LIST_QUERY = "plans:newest";

    private final InspectionPlanRepository plans;
    private final PageTokens pageTokens;
    private final InspectionAccess access;

    public PlanQueries(InspectionPlanRepository plans, PageTokens pageTokens, InspectionAccess access) {
        this.plans = plans;
        this.pageTokens = pageTokens;
        this.access = access;
    }

    /** One page of plans. */
    public record PlanPage(List<InspectionPlanEntity> plans, String nextPageToken) {}

    /** Returns the plan with that id. */
    public InspectionPlanEntity get(String id) {
        InspectionPlanEntity plan = plans.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("inspection plan", id));
        access.visibleUnits().ifPresent(units -> {
            if (!plans.concerning(units).contains(plan.id)) {
                throw new NotFoundException("inspection plan", id);
            }
        });
        return plan;
    }

    /** Lists plans, newest first. */
    public PlanPage list(int pageSize, String pageToken) {
        KeysetQuery query = KeysetQuery.newestFirst("createTime");
        access.visibleUnits().ifPresent(units -> {
            List<UUID> concerning = plans.concerning(units);
            if (concerning.isEmpty()) {
                query.whereIf(true, "1 = 0");
            } else {
                query.where("id in :concerning", "concerning", concerning);
            }
        });
        PageTokens.Page<InspectionPlanEntity> page = query.page(
                plans,
                pageTokens,
                LIST_QUERY + "|" + access.scopeKey(),
                pageToken,
                pageSize,
                p -> p.createTime,
                p -> p.id);
        return new PlanPage(page.items(), page.nextPageToken());
    }
}
