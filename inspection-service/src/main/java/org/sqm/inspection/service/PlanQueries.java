package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
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

    public PlanQueries(InspectionPlanRepository plans, PageTokens pageTokens) {
        this.plans = plans;
        this.pageTokens = pageTokens;
    }

    /** One page of plans. */
    public record PlanPage(List<InspectionPlanEntity> plans, String nextPageToken) {}

    /** Returns the plan with that id. */
    public InspectionPlanEntity get(String id) {
        return plans.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("inspection plan", id));
    }

    /** Lists plans, newest first. */
    public PlanPage list(int pageSize, String pageToken) {
        PageTokens.Page<InspectionPlanEntity> page = KeysetQuery.newestFirst("createTime")
                .page(plans, pageTokens, LIST_QUERY, pageToken, pageSize, p -> p.createTime, p -> p.id);
        return new PlanPage(page.items(), page.nextPageToken());
    }
}
