package org.sqm.scoring.service;

import org.sqm.proto.inspection.v1.CreateInspectionRequest;

/**
 * Asks inspection-service for an inspection (a spot check the closed loop wants, the on-site
 * assessment of a certification's next review). Always with a request id, so asking again (a retry,
 * a second evaluation) returns the inspection the first call created and never a second one.
 */
public interface InspectionRequests {

    /**
     * Creates the inspection (or finds the one the same request id created) and returns its id. Never
     * called inside a database transaction.
     */
    String request(CreateInspectionRequest request);
}
