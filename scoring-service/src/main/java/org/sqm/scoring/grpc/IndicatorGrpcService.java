package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.CreateIndicatorRequest;
import org.sqm.proto.scoring.v1.GetIndicatorRequest;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc;
import org.sqm.proto.scoring.v1.ListIndicatorsRequest;
import org.sqm.proto.scoring.v1.ListIndicatorsResponse;
import org.sqm.scoring.domain.IndicatorEntity;
import org.sqm.scoring.mapping.IndicatorMapper;
import org.sqm.scoring.service.IndicatorService;

/** The gRPC face of {@link IndicatorService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class IndicatorGrpcService extends IndicatorServiceGrpc.IndicatorServiceImplBase {

    private final IndicatorService indicators;

    public IndicatorGrpcService(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Override
    public void createIndicator(CreateIndicatorRequest request, StreamObserver<Indicator> response) {
        reply(
                response,
                IndicatorMapper.toProto(indicators.create(
                        IndicatorMapper.toNewIndicator(request.getIndicator()), request.getRequestId())));
    }

    @Override
    public void getIndicator(GetIndicatorRequest request, StreamObserver<Indicator> response) {
        reply(response, IndicatorMapper.toProto(indicators.get(request.getId())));
    }

    @Override
    public void listIndicators(ListIndicatorsRequest request, StreamObserver<ListIndicatorsResponse> response) {
        PageTokens.Page<IndicatorEntity> page = indicators.list(request.getPageSize(), request.getPageToken());
        reply(
                response,
                ListIndicatorsResponse.newBuilder()
                        .addAllIndicators(page.items().stream()
                                .map(IndicatorMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }
}
