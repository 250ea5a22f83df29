package org.sqm.inspection.service;

import java.util.List;
import org.sqm.inspection.domain.MoveEntity;
import org.sqm.inspection.domain.SupervisionOrderEntity;
import org.sqm.inspection.domain.SupervisionReportEntity;

/**
 * A supervision order with what it shows: its reports and history (empty in lists), and how many
 * reports were due and not submitted at the moment it was read.
 */
public record SupervisionView(
        SupervisionOrderEntity order,
        List<SupervisionReportEntity> reports,
        List<MoveEntity> history,
        int missingReports) {}
