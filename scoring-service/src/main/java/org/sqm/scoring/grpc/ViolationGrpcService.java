package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.scoring.v1.CreateViolationRequest;
import org.sqm.proto.scoring.v1.GetViolationRequest;
import org.sqm.proto.scoring.v1.ListViolationsRequest;
import org.sqm.proto.scoring.v1.ListViolationsResponse;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsRequest;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsResponse;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc;
import org.sqm.proto.scoring.v1.WithdrawViolationRequest;
import org.sqm.scoring.mapping.ViolationMapper;
import org.sqm.scoring.service.CallerUnits;
import org.sqm.scoring.service.OrderLapseViolations;
import org.sqm.scoring.service.ViolationLedger;
import org.sqm.scoring.service.ViolationRecording;

/** The gRPC face of the violations ledger; blocking work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class ViolationGrpcService extends ViolationServiceGrpc.ViolationServiceImplBase {

    private final ViolationRecording recording;
    private final ViolationLedger ledger;
    private final OrderLapseViolations lapses;
    private final CallerUnits units;

    public ViolationGrpcService(
            ViolationRecording recording, ViolationLedger ledger, OrderLapseViolations lapses, CallerUnits units) {
        this.units = units;
        this.recording = recording;
        this.ledger = ledger;
        this.lapses = lapses;
    }

    @Override
    public void createViolation(CreateViolationRequest request, StreamObserver<Violation> response) {
        reply(
                response,
                ViolationMapper.toProto(
                        recording.create(ViolationMapper.toNew(request.getViolation()), request.getRequestId())));
    }

    @Override
    public void getViolation(GetViolationRequest request, StreamObserver<Violation> response) {
        units.resolve();
        reply(response, ViolationMapper.toProto(ledger.get(request.getId())));
    }

    @Override
    public void listViolations(ListViolationsRequest request, StreamObserver<ListViolationsResponse> response) {
        units.resolve();
        PageTokens.Page<ViolationLedger.Entry> page = ledger.list(
                new ViolationLedger.Filter(
                        Texts.emptyToNull(request.getUnitId()),
                        ProtoTime.instantOrNull("period_start", request.hasPeriodStart(), request.getPeriodStart()),
                        ProtoTime.instantOrNull("period_end", request.hasPeriodEnd(), request.getPeriodEnd()),
                        request.getShowWithdrawn()),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListViolationsResponse.newBuilder()
                        .addAllViolations(page.items().stream()
                                .map(ViolationMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void withdrawViolation(WithdrawViolationRequest request, StreamObserver<Violation> response) {
        reply(
                response,
                ViolationMapper.toProto(ledger.withdraw(
                        request.getId(), request.getEtag(), request.getReason(), Actors.of(request.getActor()))));
    }

    @Override
    public void recordOrderLapseViolations(
            RecordOrderLapseViolationsRequest request, StreamObserver<RecordOrderLapseViolationsResponse> response) {
        OrderLapseViolations.Result result = lapses.run(
                ProtoTime.instantOrNull("period_start", request.hasPeriodStart(), request.getPeriodStart()),
                ProtoTime.instantOrNull("period_end", request.hasPeriodEnd(), request.getPeriodEnd()));
        reply(
                response,
                RecordOrderLapseViolationsResponse.newBuilder()
                        .setLapsesRead(result.lapsesRead())
                        .setViolationsRecorded(result.recorded())
                        .setAlreadyRecorded(result.alreadyRecorded())
                        .build());
    }
}
