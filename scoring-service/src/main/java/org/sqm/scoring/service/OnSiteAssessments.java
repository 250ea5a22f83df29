package org.sqm.scoring.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.RectificationOrder;

/**
 * What an accreditation decision reads from and writes to inspection-service: a unit's finalized
 * on-site assessments with their ratings, and the rectification orders of one assessment whose due
 * times the action plan may bring forward. Never called inside a database transaction.
 */
public interface OnSiteAssessments {

    /** The unit's on-site assessments (any authority) finalized before {@code until}, every page. */
    List<InspectionResult> finalized(UUID unitId, Instant until);

    /** Every rectification order of the inspection, every page. */
    List<RectificationOrder> orders(String inspectionId);

    /** One order as it is now. */
    RectificationOrder order(String id);

    /**
     * Sets the order's due time, guarded by the order's etag as read; a stale etag fails with a
     * {@link org.sqm.commons.client.RemoteCallException} of code ABORTED.
     */
    RectificationOrder moveDueTime(RectificationOrder order, Instant due, String actor);
}
