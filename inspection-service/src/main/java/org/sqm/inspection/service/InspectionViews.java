package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.error.NotFoundException;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.repository.InspectionRepository;
import org.sqm.inspection.repository.InspectorRepository;
import org.sqm.inspection.repository.PinnedStandardRepository;
import org.sqm.inspection.repository.RatingRepository;

/**
 * Reads inspections and builds what they show, inside the caller's transaction: a write answers from
 * the rows its own transaction holds.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InspectionViews {

    private final InspectionRepository inspections;
    private final InspectorRepository inspectors;
    private final RatingRepository ratings;
    private final PinnedStandardRepository pinned;
    private final Moves moves;
    private final InspectionAccess access;

    public InspectionViews(
            InspectionRepository inspections,
            InspectorRepository inspectors,
            RatingRepository ratings,
            PinnedStandardRepository pinned,
            Moves moves,
            InspectionAccess access) {
        this.inspections = inspections;
        this.inspectors = inspectors;
        this.ratings = ratings;
        this.pinned = pinned;
        this.moves = moves;
        this.access = access;
    }

    /** The inspection with that id; NOT_FOUND as well when the caller may not see it. */
    public InspectionEntity find(UUID id) {
        return access.require(
                inspections.findByIdOptional(id).orElseThrow(() -> new NotFoundException("inspection", id.toString())));
    }

    /** The inspection with its pinned version, its inspectors and (when asked) its ratings and history. */
    public InspectionView of(InspectionEntity e, boolean detailed) {
        List<InspectorEntity> assigned =
                e.inspectorIds.stream().map(inspectors::findById).toList();
        List<RatingEntity> list = detailed ? ratings.ofInspection(e.id) : List.of();
        int rated = detailed ? list.size() : (int) ratings.countOf(e.id);
        return new InspectionView(
                e, pinned.snapshot(e.standardId), list, assigned, rated, detailed ? moves.history(e.id) : List.of());
    }

    /** Writes the pending changes (so the etag is the new one) and answers with the inspection. */
    public InspectionView flushed(InspectionEntity e) {
        inspections.flush();
        return of(e, true);
    }
}
