package org.sqm.scoring.mapping;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationSource;
import org.sqm.proto.scoring.v1.ViolationState;
import org.sqm.proto.scoring.v1.ViolationWithdrawal;
import org.sqm.scoring.domain.ViolationEntity;
import org.sqm.scoring.service.ViolationLedger;
import org.sqm.scoring.service.ViolationRecording.NewViolation;

/** Translates between the violation contract and the ledger's entries. */
public final class ViolationMapper {

    private ViolationMapper() {}

    public static Violation toProto(ViolationLedger.Entry entry) {
        ViolationEntity v = entry.violation();
        Violation.Builder b = Violation.newBuilder()
                .setId(v.id.toString())
                .setUnitId(v.unitId.toString())
                .setRuleCode(v.ruleCode)
                .setPointsMillis(v.pointsMillis)
                .setOccurredTime(timestamp(v.occurredTime))
                .setEvidence(v.evidence)
                .setReportedBy(v.reportedBy)
                .setSource(ProtoEnums.toProto(v.source, ViolationSource.class))
                .setSourceId(v.sourceId == null ? "" : v.sourceId)
                .setRecordTime(timestamp(v.recordTime))
                .setState(
                        entry.withdrawal() == null
                                ? ViolationState.VIOLATION_STATE_ACTIVE
                                : ViolationState.VIOLATION_STATE_WITHDRAWN)
                .setEtag(entry.etag());
        if (entry.withdrawal() != null) {
            b.setWithdrawal(ViolationWithdrawal.newBuilder()
                    .setReason(entry.withdrawal().reason)
                    .setWithdrawnBy(entry.withdrawal().withdrawnBy)
                    .setWithdrawTime(timestamp(entry.withdrawal().withdrawTime)));
        }
        return b.build();
    }

    public static NewViolation toNew(Violation v) {
        return new NewViolation(
                v.getUnitId(),
                v.getRuleCode(),
                ProtoTime.instantOrNull("violation.occurred_time", v.hasOccurredTime(), v.getOccurredTime()),
                v.getEvidence(),
                v.getReportedBy());
    }
}
