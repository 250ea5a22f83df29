package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.CreateDeductionRuleRequest;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc;
import org.sqm.proto.scoring.v1.GetDeductionRuleRequest;
import org.sqm.proto.scoring.v1.ListDeductionRulesRequest;
import org.sqm.proto.scoring.v1.ListDeductionRulesResponse;
import org.sqm.scoring.domain.DeductionRuleEntity;
import org.sqm.scoring.mapping.DeductionRuleMapper;
import org.sqm.scoring.service.DeductionRuleService;

/** The gRPC face of {@link DeductionRuleService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class DeductionRuleGrpcService extends DeductionRuleServiceGrpc.DeductionRuleServiceImplBase {

    private final DeductionRuleService rules;

    public DeductionRuleGrpcService(DeductionRuleService rules) {
        this.rules = rules;
    }

    @Override
    public void createDeductionRule(CreateDeductionRuleRequest request, StreamObserver<DeductionRule> response) {
        reply(
                response,
                DeductionRuleMapper.toProto(rules.create(
                        DeductionRuleMapper.toNewDeductionRule(request.getDeductionRule()), request.getRequestId())));
    }

    @Override
    public void getDeductionRule(GetDeductionRuleRequest request, StreamObserver<DeductionRule> response) {
        reply(response, DeductionRuleMapper.toProto(rules.get(request.getId())));
    }

    @Override
    public void listDeductionRules(
            ListDeductionRulesRequest request, StreamObserver<ListDeductionRulesResponse> response) {
        PageTokens.Page<DeductionRuleEntity> page = rules.list(request.getPageSize(), request.getPageToken());
        reply(
                response,
                ListDeductionRulesResponse.newBuilder()
                        .addAllDeductionRules(page.items().stream()
                                .map(DeductionRuleMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }
}
