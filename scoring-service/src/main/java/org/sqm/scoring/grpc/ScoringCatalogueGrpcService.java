package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.ScoringCatalogue;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc;
import org.sqm.scoring.mapping.CatalogueMapper;
import org.sqm.scoring.service.ScoringCatalogueLoad;

/** The gRPC face of {@link ScoringCatalogueLoad}; blocking work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class ScoringCatalogueGrpcService extends ScoringCatalogueServiceGrpc.ScoringCatalogueServiceImplBase {

    private final ScoringCatalogueLoad load;

    public ScoringCatalogueGrpcService(ScoringCatalogueLoad load) {
        this.load = load;
    }

    @Override
    public void loadScoringCatalogue(
            LoadScoringCatalogueRequest request, StreamObserver<LoadScoringCatalogueResponse> response) {
        ScoringCatalogue catalogue = request.hasCatalogue() ? request.getCatalogue() : CatalogueMapper.shipped();
        reply(
                response,
                CatalogueMapper.toProto(load.load(
                        CatalogueMapper.indicators(catalogue),
                        CatalogueMapper.deductionRules(catalogue),
                        CatalogueMapper.scoringModels(catalogue),
                        CatalogueMapper.accreditationRules(catalogue))));
    }
}
