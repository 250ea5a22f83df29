package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
        int size = PageTokens.pageSize(pageSize);
        List<String> after = pageTokens.decode(pageToken, LIST_QUERY, 2);
        List<InspectionPlanEntity> page = plans.pageNewestFirst(
                after.isEmpty() ? null : Instant.parse(after.get(0)),
                after.isEmpty() ? null : UUID.fromString(after.get(1)),
                size + 1);
        if (page.size() <= size) {
            return new PlanPage(page, "");
        }
        List<InspectionPlanEntity> shown = List.copyOf(page.subList(0, size));
        InspectionPlanEntity last = shown.get(size - 1);
        return new PlanPage(shown, pageTokens.encode(LIST_QUERY, last.createTime.toString(), last.id.toString()));
    }
}
