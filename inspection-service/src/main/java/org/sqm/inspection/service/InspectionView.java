package org.sqm.inspection.service;

import java.util.List;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.domain.MoveEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.StandardSnapshot;

/**
 * An inspection with what it shows: its pinned version, ratings and history (when loaded) and
 * inspectors.
 */
public record InspectionView(
        InspectionEntity inspection,
        StandardSnapshot standard,
        List<RatingEntity> ratings,
        List<InspectorEntity> inspectors,
        int ratedCount,
        List<MoveEntity> history) {}
