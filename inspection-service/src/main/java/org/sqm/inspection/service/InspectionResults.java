package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectionStatus;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.InspectionRepository;
import org.sqm.inspection.repository.PinnedStandardRepository;
import org.sqm.inspection.repository.RatingRepository;

/** What finalized inspections found: the results feed (for scoring) and the comparison with the previous one. */
@ApplicationScoped
@Transactional
public class InspectionResults {

    /**
     * Finalized, as a literal rather than a parameter: the results index is partial (status =
     * 'FINALIZED'), and a prepared statement's generic plan can only use it when the query says so itself.
     */
    private static final String FINALIZED = "status = org.sqm.inspection.domain.InspectionStatus.FINALIZED";

    private final InspectionRepository inspections;
    private final RatingRepository ratings;
    private final PinnedStandardRepository pinned;
    private final InspectionViews views;
    private final PageTokens pageTokens;
    private final InspectionAccess access;

    public InspectionResults(
            InspectionRepository inspections,
            RatingRepository ratings,
            PinnedStandardRepository pinned,
            InspectionViews views,
            PageTokens pageTokens,
            InspectionAccess access) {
        this.inspections = inspections;
        this.ratings = ratings;
        this.pinned = pinned;
        this.views = views;
        this.pageTokens = pageTokens;
        this.access = access;
    }

    /** Results filters. */
    public record ResultFilter(
            Instant finalizedFrom,
            Instant finalizedUntil,
            String unitId,
            InspectionKind kind,
            AuthorityLevel authority) {}

    /** One page of results. */
    public record ResultPage(List<InspectionView> results, String nextPageToken) {}

    /** One element side by side with the previous inspection. */
    public record ComparedElement(
            StandardSnapshot.Element element, RatingEntity current, RatingEntity previous, String change) {}

    /** A comparison. */
    public record Comparison(UUID inspectionId, UUID previousId, List<ComparedElement> elements) {}

    /** Finalized inspections with every rating, by finalize time. */
    public ResultPage results(ResultFilter filter, int pageSize, String pageToken) {
        Violations v = new Violations()
                .check(filter.finalizedFrom() != null, "finalized_from", "is required")
                .check(filter.finalizedUntil() != null, "finalized_until", "is required")
                .optionalId("unit_id", filter.unitId());
        if (filter.finalizedFrom() != null && filter.finalizedUntil() != null) {
            v.check(
                    filter.finalizedUntil().isAfter(filter.finalizedFrom()),
                    "finalized_until",
                    "must be after finalized_from");
        }
        v.throwIfAny();
        KeysetQuery query =
                access.restrictInspections(KeysetQuery.oldestFirst("finalizeTime"), "unitId", "inspectorIds");
        PageTokens.Page<InspectionEntity> page = query.whereIf(true, FINALIZED)
                .where("finalizeTime >= :from", "from", filter.finalizedFrom())
                .where("finalizeTime < :until", "until", filter.finalizedUntil())
                .where("unitId = :unit", "unit", KeysetQuery.id(filter.unitId()))
                .where("kind = :kind", "kind", filter.kind())
                .where("authorityLevel = :authority", "authority", filter.authority())
                .page(
                        inspections,
                        pageTokens,
                        "results:" + filter + "|" + access.scopeKey(),
                        pageToken,
                        pageSize,
                        e -> e.finalizeTime,
                        e -> e.id);
        return new ResultPage(withRatings(page.items()), page.nextPageToken());
    }

    /**
     * One batch of the results feed: up to {@code size} inspections finalized in [from, until) (of
     * {@code kind}, when set) after (afterTime, afterId), by finalize time then id, with their ratings
     * when {@code withRatings}.
     */
    public List<InspectionView> feedBatch(
            Instant from,
            Instant until,
            InspectionKind kind,
            boolean byWindowStart,
            boolean withRatings,
            Instant afterTime,
            UUID afterId,
            int size) {
        String time = byWindowStart ? "windowStart" : "finalizeTime";
        List<InspectionEntity> batch = KeysetQuery.oldestFirst(time)
                .whereIf(true, FINALIZED)
                .where(time + " >= :from", "from", from)
                .where(time + " < :until", "until", until)
                .where("kind = :kind", "kind", kind)
                .batch(inspections, afterTime, afterId, size);
        return withRatings ? withRatings(batch) : views(batch, Map.of());
    }

    /** The inspections with their ratings, read in one query; results show no inspectors. */
    private List<InspectionView> withRatings(List<InspectionEntity> shown) {
        Map<UUID, List<RatingEntity>> byInspection = new LinkedHashMap<>();
        shown.forEach(e -> byInspection.put(e.id, new ArrayList<>()));
        ratings.ofInspections(byInspection.keySet())
                .forEach(r -> byInspection.get(r.inspectionId).add(r));
        return views(shown, byInspection);
    }

    /** The inspections with the ratings given (none for an inspection the map leaves out). */
    private List<InspectionView> views(List<InspectionEntity> shown, Map<UUID, List<RatingEntity>> byInspection) {
        Map<UUID, StandardSnapshot> snapshots = new HashMap<>();
        return shown.stream()
                .map(e -> new InspectionView(
                        e,
                        snapshots.computeIfAbsent(e.standardId, pinned::snapshot),
                        byInspection.getOrDefault(e.id, List.of()),
                        List.of(),
                        byInspection.getOrDefault(e.id, List.of()).size(),
                        List.of()))
                .toList();
    }

    /** The inspection's ratings next to those of the latest earlier finalized inspection of the same unit and kind. */
    public Comparison compare(String id) {
        InspectionEntity e = views.find(Violations.parseId("id", id));
        Instant before = e.finalizeTime != null ? e.finalizeTime : Instant.now().plusSeconds(1);
        // An inspector compares only with inspections assigned to them too: they see no others.
        UUID assignee = access.assignee().orElse(null);
        InspectionEntity previous = inspections
                .find(
                        "unitId = ?1 and kind = ?2 and status = ?3 and finalizeTime < ?4 and id <> ?5"
                                + (assignee == null ? "" : " and ?6 member of inspectorIds")
                                + " order by finalizeTime desc, id desc",
                        assignee == null
                                ? new Object[] {e.unitId, e.kind, InspectionStatus.FINALIZED, before, e.id}
                                : new Object[] {e.unitId, e.kind, InspectionStatus.FINALIZED, before, e.id, assignee})
                .firstResult();
        Map<String, RatingEntity> current = byCode(ratings.ofInspection(e.id));
        Map<String, RatingEntity> earlier = previous == null ? Map.of() : byCode(ratings.ofInspection(previous.id));
        List<ComparedElement> rows = pinned.snapshot(e.standardId).elements().stream()
                .map(el -> {
                    RatingEntity now = current.get(el.code());
                    RatingEntity then = earlier.get(el.code());
                    return new ComparedElement(el, now, then, change(now, then));
                })
                .toList();
        return new Comparison(e.id, previous == null ? null : previous.id, rows);
    }

    private static String change(RatingEntity now, RatingEntity then) {
        if (then == null) {
            return "NEW";
        }
        if (now == null || now.notApplicable || then.notApplicable) {
            return "NOT_COMPARABLE";
        }
        int diff = Integer.compare(now.points, then.points);
        return diff > 0 ? "IMPROVED" : diff < 0 ? "WORSENED" : "UNCHANGED";
    }

    private static Map<String, RatingEntity> byCode(List<RatingEntity> list) {
        Map<String, RatingEntity> map = new HashMap<>();
        list.forEach(r -> map.put(r.elementCode, r));
        return map;
    }
}
