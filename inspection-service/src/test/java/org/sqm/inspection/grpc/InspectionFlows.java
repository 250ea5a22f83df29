package org.sqm.inspection.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.FinalizeInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.Rating;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;

/** The way to a finalized inspection over gRPC, for tests that need one: create, assign, start, rate, submit, finalize. */
final class InspectionFlows {

    private final InspectionServiceBlockingStub inspections;
    private final InspectorServiceBlockingStub inspectors;

    InspectionFlows(InspectionServiceBlockingStub inspections, InspectorServiceBlockingStub inspectors) {
        this.inspections = inspections;
        this.inspectors = inspectors;
    }

    static String code() {
        return "STD-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Rating level(String element, String level) {
        return Rating.newBuilder().setElementCode(element).setLevelCode(level).build();
    }

    static Rating score(String element, int score) {
        return Rating.newBuilder().setElementCode(element).setScore(score).build();
    }

    static Rating notApplicable(String element) {
        return Rating.newBuilder()
                .setElementCode(element)
                .setNotApplicable(true)
                .setJustification("no such service here")
                .build();
    }

    /** A provincial on-site assessment of the unit, its window around now. */
    Inspection onSite(String unit, String standardCode) {
        Instant now = Instant.now();
        return inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(Inspection.newBuilder()
                        .setUnitId(unit)
                        .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                        .setStandardCode(standardCode)
                        .setWindowStart(ProtoTime.timestamp(now.minus(Duration.ofDays(1))))
                        .setWindowEnd(ProtoTime.timestamp(now.plus(Duration.ofDays(30)))))
                .build());
    }

    String inspector(AuthorityLevel level) {
        String cert = "C-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = Instant.now();
        return inspectors
                .createInspector(CreateInspectorRequest.newBuilder()
                        .setInspector(Inspector.newBuilder()
                                .setName("Inspector " + cert)
                                .setCertificateNumber(cert)
                                .setAuthorityLevel(level)
                                .setValidFrom(ProtoTime.timestamp(now.minus(Duration.ofDays(30))))
                                .setValidUntil(ProtoTime.timestamp(now.plus(Duration.ofDays(400))))
                                .addQualifiedKinds(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT))
                        .build())
                .getId();
    }

    /** Assigned two provincial inspectors and started by {@code actor}. */
    Inspection started(Inspection i, String actor) {
        Inspection assigned = inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(i.getId())
                .setEtag(i.getEtag())
                .addInspectorIds(inspector(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL))
                .addInspectorIds(inspector(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL))
                .build());
        return inspections.startInspection(StartInspectionRequest.newBuilder()
                .setId(i.getId())
                .setEtag(assigned.getEtag())
                .setActor(actor)
                .build());
    }

    Inspection rate(Inspection i, Rating... ratings) {
        return inspections.rateElements(RateElementsRequest.newBuilder()
                .setId(i.getId())
                .addAllRatings(List.of(ratings))
                .build());
    }

    /** Rated, submitted (without an actor) and finalized by {@code actor}. */
    Inspection finalized(String unit, String standardCode, String actor, Rating... ratings) {
        Inspection rated = rate(started(onSite(unit, standardCode), actor), ratings);
        Inspection submitted = inspections.submitInspection(SubmitInspectionRequest.newBuilder()
                .setId(rated.getId())
                .setEtag(rated.getEtag())
                .build());
        return inspections.finalizeInspection(FinalizeInspectionRequest.newBuilder()
                .setId(submitted.getId())
                .setEtag(submitted.getEtag())
                .setNote("accepted")
                .setActor(actor)
                .build());
    }
}
