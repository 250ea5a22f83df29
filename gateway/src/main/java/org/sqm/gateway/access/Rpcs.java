package org.sqm.gateway.access;

import com.google.longrunning.OperationsGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sqm.commons.auth.Roles;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc;
import org.sqm.proto.scoring.v1.CustomersServedServiceGrpc;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc;
import org.sqm.proto.scoring.v1.LeagueTableServiceGrpc;
import org.sqm.proto.scoring.v1.MeasurementServiceGrpc;
import org.sqm.proto.scoring.v1.PublishedPerformanceServiceGrpc;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc;
import org.sqm.proto.scoring.v1.SpotCheckServiceGrpc;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc;
import org.sqm.proto.standards.v1.CalendarServiceGrpc;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc;
import org.sqm.proto.standards.v1.StandardServiceGrpc;
import org.sqm.proto.standards.v1.UnitServiceGrpc;

/**
 * The gRPC methods of the services behind the gateway, by full name
 * ({@code sqm.complaint.v1.ComplaintService/GetComplaint}), with the access rule each states in its
 * proto: the one source of who may call what, for the REST edge as for the services themselves.
 */
public final class Rpcs {

    private static final List<ServiceDescriptor> SERVICES = List.of(
            UnitServiceGrpc.getServiceDescriptor(),
            CalendarServiceGrpc.getServiceDescriptor(),
            StandardServiceGrpc.getServiceDescriptor(),
            ServiceLevelServiceGrpc.getServiceDescriptor(),
            InspectionServiceGrpc.getServiceDescriptor(),
            InspectorServiceGrpc.getServiceDescriptor(),
            InspectionPlanServiceGrpc.getServiceDescriptor(),
            InspectionFeedServiceGrpc.getServiceDescriptor(),
            RectificationServiceGrpc.getServiceDescriptor(),
            SupervisionServiceGrpc.getServiceDescriptor(),
            ComplaintServiceGrpc.getServiceDescriptor(),
            AccreditationServiceGrpc.getServiceDescriptor(),
            CertificationServiceGrpc.getServiceDescriptor(),
            CustomersServedServiceGrpc.getServiceDescriptor(),
            DeductionRuleServiceGrpc.getServiceDescriptor(),
            IndicatorServiceGrpc.getServiceDescriptor(),
            LeagueTableServiceGrpc.getServiceDescriptor(),
            MeasurementServiceGrpc.getServiceDescriptor(),
            PublishedPerformanceServiceGrpc.getServiceDescriptor(),
            ScorecardServiceGrpc.getServiceDescriptor(),
            ScoringCatalogueServiceGrpc.getServiceDescriptor(),
            ScoringModelServiceGrpc.getServiceDescriptor(),
            SpotCheckServiceGrpc.getServiceDescriptor(),
            SurveyServiceGrpc.getServiceDescriptor(),
            ViolationServiceGrpc.getServiceDescriptor(),
            AuditServiceGrpc.getServiceDescriptor(),
            OperationsGrpc.getServiceDescriptor());

    private static final Map<String, MethodDescriptor<?, ?>> METHODS = SERVICES.stream()
            .flatMap(s -> s.getMethods().stream())
            .collect(Collectors.toUnmodifiableMap(MethodDescriptor::getFullMethodName, m -> m));

    private Rpcs() {}

    /** Whether a method of this full name exists. */
    public static boolean exists(String fullMethodName) {
        return METHODS.containsKey(fullMethodName);
    }

    /**
     * The access rule the method states in its proto; empty when it states none (then only service
     * tokens may call it, the services decide) or when no such method exists.
     */
    public static Optional<Access> access(String fullMethodName) {
        MethodDescriptor<?, ?> method = METHODS.get(fullMethodName);
        return method == null ? Optional.empty() : Roles.access(method);
    }
}
