package org.sqm.gateway.fakes;

import io.quarkus.grpc.GrpcService;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc;
import org.sqm.proto.standards.v1.CalendarServiceGrpc;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc;
import org.sqm.proto.standards.v1.StandardServiceGrpc;
import org.sqm.proto.standards.v1.UnitServiceGrpc;

/**
 * The nine services the gateway calls, faked on the gateway's test gRPC server (port 19080), where
 * the test profile points all three gRPC clients.
 */
public final class FakeServices {

    private FakeServices() {}

    @GrpcService
    public static class Units extends FakeService {
        public Units() {
            super(UnitServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Calendars extends FakeService {
        public Calendars() {
            super(CalendarServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Standards extends FakeService {
        public Standards() {
            super(StandardServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class ServiceLevels extends FakeService {
        public ServiceLevels() {
            super(ServiceLevelServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Inspectors extends FakeService {
        public Inspectors() {
            super(InspectorServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class InspectionPlans extends FakeService {
        public InspectionPlans() {
            super(InspectionPlanServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Inspections extends FakeService {
        public Inspections() {
            super(InspectionServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Rectification extends FakeService {
        public Rectification() {
            super(RectificationServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Supervision extends FakeService {
        public Supervision() {
            super(SupervisionServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Complaints extends FakeService {
        public Complaints() {
            super(ComplaintServiceGrpc.getServiceDescriptor());
        }
    }

    /** Every service serves its own audit trail; the test profile points all four channels here. */
    @GrpcService
    public static class Audit extends FakeService {
        public Audit() {
            super(AuditServiceGrpc.getServiceDescriptor());
        }
    }
}
