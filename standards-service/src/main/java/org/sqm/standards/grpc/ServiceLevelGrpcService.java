package org.sqm.standards.grpc;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.error.Violations;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceChannel;
import org.sqm.proto.standards.v1.ServiceLevel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc;
import org.sqm.standards.mapping.StandardMapper;
import org.sqm.standards.mapping.UnitMapper;
import org.sqm.standards.service.ServiceLevelService;

/** The gRPC face of {@link ServiceLevelService}. */
@GrpcService
@Blocking
public class ServiceLevelGrpcService extends ServiceLevelServiceGrpc.ServiceLevelServiceImplBase {

    private final ServiceLevelService serviceLevels;

    public ServiceLevelGrpcService(ServiceLevelService serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    @Override
    public void resolveServiceLevel(ResolveServiceLevelRequest request, StreamObserver<ServiceLevel> response) {
        new Violations()
                .check(
                        request.getChannel() != ServiceChannel.UNRECOGNIZED,
                        "channel",
                        "is not one of the documented values")
                .check(
                        request.getSeverity() != Severity.UNRECOGNIZED,
                        "severity",
                        "is not one of the documented values")
                .check(
                        request.getWarningShare() >= 0 && request.getWarningShare() < 1,
                        "warning_share",
                        "must be at least 0 and below 1")
                .throwIfAny();
        var r = serviceLevels.resolve(
                request.getUnitId(),
                ProtoEnums.toDomain(request.getChannel(), org.sqm.standards.domain.ServiceChannel.class),
                request.getCategory(),
                ProtoEnums.toDomain(request.getSeverity(), org.sqm.standards.domain.Severity.class),
                instantOrNull("at_time", request.hasAtTime(), request.getAtTime()),
                request.getWarningShare());
        ServiceLevel.Builder level = ServiceLevel.newBuilder()
                .setUnit(UnitMapper.toProto(r.unit()))
                .setTarget(StandardMapper.toProto(r.target()))
                .setCalendarId(r.calendar().id().toString())
                .setCalendarCode(r.calendar().code())
                .setCalendarTimeZone(r.calendar().timeZone())
                .setCalendarUnitId(r.calendarUnit().id.toString())
                .setStandardId(r.standard().id().toString())
                .setStandardCode(r.standard().code())
                .setStandardVersion(r.standard().version())
                .setRuleIndex(r.ruleIndex())
                .setSpecificity(r.target().specificity());
        if (r.acknowledgeWarn() != null) {
            level.setAcknowledgeWarnTime(ProtoTime.timestamp(r.acknowledgeWarn()));
        }
        if (r.firstResponseWarn() != null) {
            level.setFirstResponseWarnTime(ProtoTime.timestamp(r.firstResponseWarn()));
        }
        if (r.resolveWarn() != null) {
            level.setResolveWarnTime(ProtoTime.timestamp(r.resolveWarn()));
        }
        if (r.acknowledgeDue() != null) {
            level.setAcknowledgeDueTime(ProtoTime.timestamp(r.acknowledgeDue()));
        }
        if (r.firstResponseDue() != null) {
            level.setFirstResponseDueTime(ProtoTime.timestamp(r.firstResponseDue()));
        }
        if (r.resolveDue() != null) {
            level.setResolveDueTime(ProtoTime.timestamp(r.resolveDue()));
        }
        reply(response, level.build());
    }
}
