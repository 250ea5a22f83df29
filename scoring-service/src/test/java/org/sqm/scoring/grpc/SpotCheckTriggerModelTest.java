package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.CreateScoringModelRequest;
import org.sqm.proto.scoring.v1.GetScoringModelRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.proto.scoring.v1.UpdateScoringModelRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** A scoring model's spot-check triggers: checked field by field, stored with the model, updatable on a draft. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SpotCheckTriggerModelTest {

    @GrpcClient("scoring")
    ScoringModelServiceBlockingStub models;

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    @BeforeEach
    void catalogue() {
        catalogue
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
    }

    static SpotCheckSpec spec() {
        return SpotCheckSpec.newBuilder()
                .setStandardCode("SQM-HALL-HOTLINE")
                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                .setWindowDays(14)
                .build();
    }

    static SpotCheckTrigger rateHigh(String code, int months) {
        return SpotCheckTrigger.newBuilder()
                .setCode(code)
                .setComplaintRateAboveUpperQuartile(
                        ComplaintRateAboveUpperQuartile.newBuilder().setConsecutiveMonths(months))
                .setSpotCheck(spec())
                .build();
    }

    static SpotCheckTrigger drop(String code, double points) {
        return SpotCheckTrigger.newBuilder()
                .setCode(code)
                .setSatisfactionIndexDrop(SatisfactionIndexDrop.newBuilder().setPoints(points))
                .setSpotCheck(spec())
                .build();
    }

    ScoringModel create(ScoringModel model) {
        return models.createScoringModel(
                CreateScoringModelRequest.newBuilder().setScoringModel(model).build());
    }

    List<String> refusedFields(ScoringModel model) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> create(model));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        return GrpcErrors.violatedFields(e);
    }

    @Test
    void triggersAreStoredWithTheModelAndChangedByTheirMask() {
        ScoringModel asked = ScoringModelGrpcServiceTest.model(ScoringModelGrpcServiceTest.code()).toBuilder()
                .addSpotCheckTriggers(rateHigh("COMPLAINT_RATE_HIGH", 2))
                .addSpotCheckTriggers(drop("SATISFACTION_DROP", 10))
                .build();
        ScoringModel draft = create(asked);
        assertEquals(asked.getSpotCheckTriggersList(), draft.getSpotCheckTriggersList());
        assertEquals(
                draft,
                models.getScoringModel(
                        GetScoringModelRequest.newBuilder().setId(draft.getId()).build()));

        ScoringModel changed = models.updateScoringModel(UpdateScoringModelRequest.newBuilder()
                .setScoringModel(ScoringModel.newBuilder()
                        .setId(draft.getId())
                        .setEtag(draft.getEtag())
                        .addSpotCheckTriggers(drop("SATISFACTION_DROP", 12.5)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("spot_check_triggers"))
                .build());
        assertEquals(List.of(drop("SATISFACTION_DROP", 12.5)), changed.getSpotCheckTriggersList());
        assertEquals(draft.getComponentsList(), changed.getComponentsList());
    }

    @Test
    void everyBadTriggerFieldIsNamedAndNothingIsWritten() {
        String code = ScoringModelGrpcServiceTest.code();
        String at = "scoring_model.spot_check_triggers";
        ScoringModel bad = ScoringModelGrpcServiceTest.model(code).toBuilder()
                .addSpotCheckTriggers(SpotCheckTrigger.newBuilder()
                        .setCode("has space")
                        .setComplaintRateAboveUpperQuartile(ComplaintRateAboveUpperQuartile.newBuilder()
                                .setConsecutiveMonths(13)
                                .setMinUnits(-1))
                        .setSpotCheck(SpotCheckSpec.newBuilder().setWindowDays(91)))
                .addSpotCheckTriggers(SpotCheckTrigger.newBuilder()
                        .setCode("DROP")
                        .setSatisfactionIndexDrop(
                                SatisfactionIndexDrop.newBuilder().setPoints(0).setMinSample(-1))
                        .setSpotCheck(spec().toBuilder().setWindowDays(0)))
                .addSpotCheckTriggers(SpotCheckTrigger.newBuilder().setCode("DROP"))
                .addSpotCheckTriggers(drop("HUGE", 100.5))
                .addSpotCheckTriggers(rateHigh("NO_MONTHS", 0))
                .build();
        assertEquals(
                List.of(
                        at + "[0].code",
                        at + "[0].complaint_rate_above_upper_quartile.consecutive_months",
                        at + "[0].complaint_rate_above_upper_quartile.min_units",
                        at + "[0].spot_check.standard_code",
                        at + "[0].spot_check.authority_level",
                        at + "[0].spot_check.window_days",
                        at + "[1].satisfaction_index_drop.points",
                        at + "[1].satisfaction_index_drop.min_sample",
                        at + "[1].spot_check.window_days",
                        at + "[2].code",
                        at + "[2].condition",
                        at + "[2].spot_check",
                        at + "[3].satisfaction_index_drop.points",
                        at + "[4].complaint_rate_above_upper_quartile.consecutive_months"),
                refusedFields(bad));

        ScoringModel.Builder tooMany = ScoringModelGrpcServiceTest.model(code).toBuilder();
        for (int i = 0; i < 11; i++) {
            tooMany.addSpotCheckTriggers(drop("DROP_" + i, 10));
        }
        assertEquals(List.of(at), refusedFields(tooMany.build()));
        assertEquals(
                0,
                models.listScoringModels(ListScoringModelsRequest.newBuilder()
                                .setCode(code)
                                .build())
                        .getScoringModelsCount());
    }
}
