package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.repository.InspectionRepository;

/** Reads inspections: one by id, or pages of them. */
@ApplicationScoped
@Transactional
public class InspectionQueries {

    private final InspectionRepository inspections;
    private final InspectionViews views;
    private final PageTokens pageTokens;

    public InspectionQueries(InspectionRepository inspections, InspectionViews views, PageTokens pageTokens) {
        this.inspections = inspections;
        this.views = views;
        this.pageTokens = pageTokens;
    }

    /** List filters. */
    public record InspectionFilter(String unitId, String planId, InspectionStatus status, boolean missedOnly) {}

    /** One page of inspections. */
    public record InspectionPage(List<InspectionView> inspections, String nextPageToken) {}

    /** Returns the inspection with its ratings. */
    public InspectionView get(String id) {
        return views.of(views.find(Violations.parseId("id", id)), true);
    }

    /** Lists inspections, latest window first. */
    public InspectionPage list(InspectionFilter filter, int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        new Violations()
                .optionalId("unit_id", filter.unitId())
                .optionalId("plan_id", filter.planId())
                .throwIfAny();
        String query = "inspections:" + filter;
        List<String> after = pageTokens.decode(pageToken, query, 2);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (Texts.emptyToNull(filter.unitId()) != null) {
            where.append(" and unitId = :unit");
            params.put("unit", UUID.fromString(filter.unitId()));
        }
        if (Texts.emptyToNull(filter.planId()) != null) {
            where.append(" and planId = :plan");
            params.put("plan", UUID.fromString(filter.planId()));
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.missedOnly()) {
            where.append(" and missed = true");
        }
        if (!after.isEmpty()) {
            where.append(" and (windowStart < :afterTime or (windowStart = :afterTime and id < :afterId))");
            params.put("afterTime", Instant.parse(after.get(0)));
            params.put("afterId", UUID.fromString(after.get(1)));
        }
        List<InspectionEntity> page = inspections
                .find(where + " order by windowStart desc, id desc", params)
                .range(0, size)
                .list();
        List<InspectionView> shown =
                page.stream().limit(size).map(e -> views.of(e, false)).toList();
        if (page.size() <= size) {
            return new InspectionPage(shown, "");
        }
        InspectionEntity last = page.get(size - 1);
        return new InspectionPage(shown, pageTokens.encode(query, last.windowStart.toString(), last.id.toString()));
    }
}
