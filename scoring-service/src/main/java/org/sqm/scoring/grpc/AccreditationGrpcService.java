package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc;
import org.sqm.proto.scoring.v1.CreateAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.DecideAccreditationRequest;
import org.sqm.proto.scoring.v1.GetAccreditationDecisionRequest;
import org.sqm.proto.scoring.v1.GetAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsResponse;
import org.sqm.proto.scoring.v1.ListAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationRulesResponse;
import org.sqm.scoring.mapping.AccreditationMapper;
import org.sqm.scoring.service.AccreditationDecisionStore;
import org.sqm.scoring.service.AccreditationDecisions;
import org.sqm.scoring.service.AccreditationRulesService;
import org.sqm.scoring.service.CallerUnits;

/** The gRPC face of accreditation rules and decisions; blocking work runs on worker threads. */
@GrpcService
@Blocking
public class AccreditationGrpcService extends AccreditationServiceGrpc.AccreditationServiceImplBase {

    private final AccreditationRulesService rules;
    private final AccreditationDecisions decisions;
    private final AccreditationDecisionStore store;
    private final CallerUnits units;

    public AccreditationGrpcService(
            AccreditationRulesService rules,
            AccreditationDecisions decisions,
            AccreditationDecisionStore store,
            CallerUnits units) {
        this.units = units;
        this.rules = rules;
        this.decisions = decisions;
        this.store = store;
    }

    @Override
    public void createAccreditationRules(
            CreateAccreditationRulesRequest request, StreamObserver<AccreditationRules> response) {
        reply(response, AccreditationMapper.toProto(rules.create(request.getRules(), request.getRequestId())));
    }

    @Override
    public void getAccreditationRules(
            GetAccreditationRulesRequest request, StreamObserver<AccreditationRules> response) {
        reply(response, AccreditationMapper.toProto(rules.get(request.getId())));
    }

    @Override
    public void listAccreditationRules(
            ListAccreditationRulesRequest request, StreamObserver<ListAccreditationRulesResponse> response) {
        reply(
                response,
                AccreditationMapper.rulesPage(
                        rules.list(request.getPageSize(), request.getPageToken(), request.getCode())));
    }

    @Override
    public void decideAccreditation(
            DecideAccreditationRequest request, StreamObserver<AccreditationDecision> response) {
        reply(
                response,
                AccreditationMapper.toProto(decisions.decide(
                        request.getUnitId(),
                        request.getRulesCode(),
                        request.getRulesId(),
                        Actors.of(request.getActor()))));
    }

    @Override
    public void getAccreditationDecision(
            GetAccreditationDecisionRequest request, StreamObserver<AccreditationDecision> response) {
        units.resolve();
        reply(response, AccreditationMapper.toProto(store.get(request.getId())));
    }

    @Override
    public void listAccreditationDecisions(
            ListAccreditationDecisionsRequest request, StreamObserver<ListAccreditationDecisionsResponse> response) {
        units.resolve();
        reply(
                response,
                AccreditationMapper.decisionsPage(store.list(
                        request.getPageSize(), request.getPageToken(), request.getUnitId(), request.getRulesCode())));
    }
}
