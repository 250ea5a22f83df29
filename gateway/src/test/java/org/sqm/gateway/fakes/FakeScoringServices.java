package org.sqm.gateway.fakes;

import com.google.longrunning.OperationsGrpc;
import io.quarkus.grpc.GrpcService;
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

/** The services of scoring-service that the gateway calls, faked beside {@link FakeServices} on the test gRPC port. */
public final class FakeScoringServices {

    private FakeScoringServices() {}

    @GrpcService
    public static class Indicators extends FakeService {
        public Indicators() {
            super(IndicatorServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class DeductionRules extends FakeService {
        public DeductionRules() {
            super(DeductionRuleServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Catalogue extends FakeService {
        public Catalogue() {
            super(ScoringCatalogueServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Measurements extends FakeService {
        public Measurements() {
            super(MeasurementServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Surveys extends FakeService {
        public Surveys() {
            super(SurveyServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class CustomersServed extends FakeService {
        public CustomersServed() {
            super(CustomersServedServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Violations extends FakeService {
        public Violations() {
            super(ViolationServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class ScoringModels extends FakeService {
        public ScoringModels() {
            super(ScoringModelServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Scorecards extends FakeService {
        public Scorecards() {
            super(ScorecardServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class LeagueTables extends FakeService {
        public LeagueTables() {
            super(LeagueTableServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Accreditation extends FakeService {
        public Accreditation() {
            super(AccreditationServiceGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class PublishedPerformance extends FakeService {
        public PublishedPerformance() {
            super(PublishedPerformanceServiceGrpc.getServiceDescriptor());
        }
    }

    /** google.longrunning.Operations, which scoring-service serves for its recomputes. */
    @GrpcService
    public static class Operations extends FakeService {
        public Operations() {
            super(OperationsGrpc.getServiceDescriptor());
        }
    }

    @GrpcService
    public static class Certifications extends FakeService {
        public Certifications() {
            super(CertificationServiceGrpc.getServiceDescriptor());
        }
    }

    /** The closed loop's fired spot-check triggers. */
    @GrpcService
    public static class SpotChecks extends FakeService {
        public SpotChecks() {
            super(SpotCheckServiceGrpc.getServiceDescriptor());
        }
    }
}
