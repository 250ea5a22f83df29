package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateStandardVersionRequest;
import org.sqm.proto.standards.v1.Criterion;
import org.sqm.proto.standards.v1.Element;
import org.sqm.proto.standards.v1.ExportStandardRequest;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ImportStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.PublishStandardRequest;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.RatingScale;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.RetireStandardRequest;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.SubCriterion;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.proto.standards.v1.UpdateStandardRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StandardGrpcServiceTest {

    @GrpcClient("standards")
    StandardServiceBlockingStub standards;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private static RatingScale levels() {
        return RatingScale.newBuilder()
                .setKind(RatingScaleKind.RATING_SCALE_KIND_LEVELS)
                .setAllowNotApplicable(true)
                .addLevels(RatingLevel.newBuilder()
                        .setCode("MET")
                        .setLabel("Met")
                        .setPoints(100)
                        .setMeetsRequirement(true))
                .addLevels(RatingLevel.newBuilder()
                        .setCode("NOT_MET")
                        .setLabel("Not met")
                        .setPoints(0))
                .build();
    }

    private static Criterion criterion(String code, int elements) {
        SubCriterion.Builder sub = SubCriterion.newBuilder()
                .setCode(code + ".1")
                .setTitle("Sub " + code)
                .setWeight(1);
        for (int i = 1; i <= elements; i++) {
            sub.addElements(Element.newBuilder()
                    .setCode(code + ".1." + i)
                    .setTitle("Requirement " + code + ".1." + i)
                    .setGuidance("Evidence")
                    .setWeight(1)
                    .setMandatory(true));
        }
        return Criterion.newBuilder()
                .setCode(code)
                .setTitle("Criterion " + code)
                .setWeight(50)
                .addSubCriteria(sub)
                .build();
    }

    private static Standard.Builder complete(String code) {
        return Standard.newBuilder()
                .setCode(code)
                .setTitle("Hotline standard")
                .setEffectiveFrom("2026-01-01")
                .addUnitTypes(UnitType.UNIT_TYPE_HOTLINE)
                .setRatingScale(levels())
                .addCriteria(criterion("1", 2))
                .addCriteria(criterion("2", 1));
    }

    private static String code() {
        return "STD-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Standard create(Standard.Builder standard) {
        return standards.createStandard(
                CreateStandardRequest.newBuilder().setStandard(standard).build());
    }

    private Standard get(String id) {
        return standards.getStandard(GetStandardRequest.newBuilder().setId(id).build());
    }

    private Standard publish(Standard s) {
        return standards.publishStandard(PublishStandardRequest.newBuilder()
                .setId(s.getId())
                .setEtag(s.getEtag())
                .build());
    }

    private Standard rename(Standard s, String title) {
        return standards.updateStandard(UpdateStandardRequest.newBuilder()
                .setStandard(s.toBuilder().setTitle(title))
                .setUpdateMask(FieldMask.newBuilder().addPaths("title"))
                .build());
    }

    @Test
    void theShippedCatalogueLoadsAndPublishesCleanly() throws Exception {
        for (String file : List.of("customer-service-excellence.json", "service-hall-and-hotline.json")) {
            Standard draft = standards.importStandard(ImportStandardRequest.newBuilder()
                    .setDocument(resource("catalogue/" + file))
                    .build());
            Standard published = publish(draft);
            assertEquals(StandardStatus.STANDARD_STATUS_PUBLISHED, published.getStatus(), file);
            if (published.getCode().equals("CSE")) {
                assertEquals(5, published.getCriteriaCount());
                assertEquals(
                        15,
                        published.getCriteriaList().stream()
                                .mapToInt(Criterion::getSubCriteriaCount)
                                .sum());
                assertEquals(57, published.getElementCount());
                assertEquals(
                        List.of(
                                "Customer Insight",
                                "The Culture of the Organisation",
                                "Information and Access",
                                "Delivery",
                                "Timeliness and Quality of Service"),
                        published.getCriteriaList().stream()
                                .map(Criterion::getTitle)
                                .toList());
                assertEquals(
                        List.of("COMPLIANCE_PLUS", "COMPLIANT", "PARTIAL_COMPLIANCE", "NON_COMPLIANCE"),
                        published.getRatingScale().getLevelsList().stream()
                                .map(RatingLevel::getCode)
                                .toList());
            }
        }
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = StandardGrpcServiceTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPublishedVersionNeverChanges() throws Exception {
        Standard draft = create(complete(code()));
        Standard edited = rename(draft, "Hotline standard 2026");
        Standard published = publish(edited);
        assertEquals(StandardStatus.STANDARD_STATUS_PUBLISHED, published.getStatus());
        assertTrue(published.hasPublishTime());

        var refused = assertThrows(StatusRuntimeException.class, () -> rename(published, "Changed afterwards"));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("STANDARD_NOT_DRAFT", GrpcErrors.errorInfo(refused).getReason());
        var again = assertThrows(StatusRuntimeException.class, () -> publish(published));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());

        // Even a writer that goes around the service cannot change it: the database refuses.
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE standard SET title = 'Sneaky' WHERE id = ?")) {
            update.setObject(1, UUID.fromString(published.getId()));
            assertThrows(SQLException.class, update::executeUpdate);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM standard WHERE id = ?")) {
            delete.setObject(1, UUID.fromString(published.getId()));
            assertThrows(SQLException.class, delete::executeUpdate);
        }
        assertEquals(published, get(published.getId()));
    }

    @Test
    void newVersionsCopyThePublishedOneAndRetireTheOld() {
        Standard v1 = publish(create(complete(code())));
        Standard v2 = standards.createStandardVersion(CreateStandardVersionRequest.newBuilder()
                .setSourceId(v1.getId())
                .build());
        assertEquals(2, v2.getVersion());
        assertEquals(StandardStatus.STANDARD_STATUS_DRAFT, v2.getStatus());
        assertEquals(v1.getCriteriaList(), v2.getCriteriaList());
        assertNotEquals(v1.getId(), v2.getId());

        var second = assertThrows(
                StatusRuntimeException.class,
                () -> standards.createStandardVersion(CreateStandardVersionRequest.newBuilder()
                        .setSourceId(v1.getId())
                        .build()));
        assertEquals("STANDARD_DRAFT_EXISTS", GrpcErrors.errorInfo(second).getReason());

        Standard retired = standards.retireStandard(RetireStandardRequest.newBuilder()
                .setId(v1.getId())
                .setEtag(v1.getEtag())
                .build());
        assertEquals(StandardStatus.STANDARD_STATUS_RETIRED, retired.getStatus());
        assertEquals(v1.getCriteriaList(), retired.getCriteriaList());
        var draftRetire = assertThrows(
                StatusRuntimeException.class,
                () -> standards.retireStandard(RetireStandardRequest.newBuilder()
                        .setId(v2.getId())
                        .setEtag(v2.getEtag())
                        .build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, draftRetire.getStatus().getCode());

        ListStandardsResponse versions = standards.listStandards(ListStandardsRequest.newBuilder()
                .setCode(v1.getCode())
                .setPageSize(1)
                .build());
        assertEquals(1, versions.getStandardsCount());
        assertEquals(1, versions.getStandards(0).getVersion());
        assertEquals(0, versions.getStandards(0).getCriteriaCount(), "lists leave the tree out");
        ListStandardsResponse next = standards.listStandards(ListStandardsRequest.newBuilder()
                .setCode(v1.getCode())
                .setPageSize(1)
                .setPageToken(versions.getNextPageToken())
                .build());
        assertEquals(2, next.getStandards(0).getVersion());
        assertEquals("", next.getNextPageToken());
    }

    @Test
    void publishingAnIncompleteDraftListsEveryProblemAndChangesNothing() {
        Standard draft = create(Standard.newBuilder()
                .setCode(code())
                .setTitle("Half written")
                .addCriteria(Criterion.newBuilder()
                        .setCode("1")
                        .setTitle("Empty criterion")
                        .setWeight(10))
                .addCriteria(Criterion.newBuilder()
                        .setCode("2")
                        .setTitle("Sub without elements")
                        .setWeight(10)
                        .addSubCriteria(SubCriterion.newBuilder()
                                .setCode("2.1")
                                .setTitle("No elements")
                                .setWeight(1))));

        var e = assertThrows(StatusRuntimeException.class, () -> publish(draft));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "standard.effective_from",
                        "standard.rating_scale.kind",
                        "standard.criteria[0].sub_criteria",
                        "standard.criteria[1].sub_criteria[0].elements"),
                GrpcErrors.violatedFields(e));
        Standard after = get(draft.getId());
        assertEquals(draft, after, "a failed publish leaves the draft exactly as it was");
    }

    @Test
    void malformedFieldsAreRefusedEvenInADraft() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> create(Standard.newBuilder()
                        .setCode("")
                        .setTitle("Bad")
                        .setEffectiveFrom("2026-02-30")
                        .addUnitTypesValue(99)
                        .setRatingScale(RatingScale.newBuilder()
                                .addLevels(RatingLevel.newBuilder()
                                        .setCode("ok")
                                        .setLabel("x")
                                        .setPoints(101)))
                        .addCriteria(Criterion.newBuilder()
                                .setCode("1")
                                .setTitle("One")
                                .setWeight(0)
                                .addSubCriteria(SubCriterion.newBuilder()
                                        .setCode("1")
                                        .setTitle("Duplicate code")
                                        .setWeight(1)))));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "standard.code",
                        "standard.effective_from",
                        "standard.unit_types[0]",
                        "standard.rating_scale.levels[0].code",
                        "standard.rating_scale.levels[0].points",
                        "standard.criteria[0].weight",
                        "standard.criteria[0].sub_criteria[0].code"),
                GrpcErrors.violatedFields(e));
    }

    @Test
    void concurrentEditsOfOneDraftHaveExactlyOneWinner() throws Exception {
        Standard draft = create(complete(code()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> edits = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String title = "Edit " + i;
                edits.add(() -> {
                    try {
                        rename(draft, title);
                        return "won";
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode().name();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(edits)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            assertEquals(15, outcomes.stream().filter("ABORTED"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exportThenImportRoundTripsEveryDefiningField() throws Exception {
        Standard original = publish(create(complete(code()).setDescription("Round trip")));
        String exported = standards
                .exportStandard(ExportStandardRequest.newBuilder()
                        .setId(original.getId())
                        .build())
                .getDocument();

        Standard imported = standards.importStandard(
                ImportStandardRequest.newBuilder().setDocument(exported).build());
        String reExported = standards
                .exportStandard(ExportStandardRequest.newBuilder()
                        .setId(imported.getId())
                        .build())
                .getDocument();

        assertEquals(2, imported.getVersion(), "a known code imports as its next version");
        JsonNode before = json.readTree(exported);
        JsonNode after = json.readTree(reExported);
        ((ObjectNode) before).remove("version");
        ((ObjectNode) after).remove("version");
        assertEquals(before, after);
        assertEquals(original.getCriteriaList(), imported.getCriteriaList());
        assertEquals(original.getRatingScale(), imported.getRatingScale());
    }

    @Test
    void invalidDocumentsAreRefusedAndStoreNothing() {
        String code = code();
        for (String[] bad : List.of(
                new String[] {"{\"format\":\"sqm-standard/v1\",\"code\":", "document"},
                new String[] {
                    "{\"format\":\"sqm-standard/v1\",\"code\":\"" + code + "\",\"title\":\"T\",\"colour\":\"red\"}",
                    "document.colour"
                },
                new String[] {"{\"format\":\"other/v9\",\"code\":\"" + code + "\",\"title\":\"T\"}", "document.format"},
                new String[] {
                    "{\"format\":\"sqm-standard/v1\",\"code\":\"" + code
                            + "\",\"title\":\"T\",\"criteria\":[{\"code\":\"\",\"title\":\"x\",\"weight\":1}]}",
                    "document.criteria[0].code"
                })) {
            var e = assertThrows(
                    StatusRuntimeException.class,
                    () -> standards.importStandard(ImportStandardRequest.newBuilder()
                            .setDocument(bad[0])
                            .build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), bad[0]);
            assertEquals(List.of(bad[1]), GrpcErrors.violatedFields(e), bad[0]);
        }
        assertEquals(
                0,
                standards
                        .listStandards(
                                ListStandardsRequest.newBuilder().setCode(code).build())
                        .getStandardsCount());
    }

    @Test
    void unknownIdsAreNotFound() {
        var e = assertThrows(
                StatusRuntimeException.class, () -> get(UUID.randomUUID().toString()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("STANDARD_NOT_FOUND", GrpcErrors.errorInfo(e).getReason());
    }
}
