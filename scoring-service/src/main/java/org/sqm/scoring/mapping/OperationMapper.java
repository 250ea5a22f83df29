package org.sqm.scoring.mapping;

import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.scoring.v1.RecomputeScorecardsMetadata;
import org.sqm.proto.scoring.v1.RecomputeScorecardsResponse;
import org.sqm.scoring.service.RecomputeOperations;
import org.sqm.scoring.service.RecomputeRuns;
import org.sqm.scoring.service.RecomputeRuns.Run;

/** A recompute run as a google.longrunning.Operation. */
public final class OperationMapper {

    private OperationMapper() {}

    public static Operation operation(Run run) {
        RecomputeScorecardsMetadata.Builder metadata = RecomputeScorecardsMetadata.newBuilder()
                .setPeriod(run.period())
                .setStage(run.stage())
                .setUnitsTotal(run.unitsTotal())
                .setUnitsDone(run.unitsDone())
                .setProgressPercent(
                        run.unitsTotal() == 0 ? 0 : (int) Math.min(100, run.unitsDone() * 100 / run.unitsTotal()))
                .setStartTime(ProtoTime.timestamp(run.startTime()))
                .setCancelRequested(run.cancelRequested());
        if (run.endTime() != null) {
            metadata.setEndTime(ProtoTime.timestamp(run.endTime()));
        }
        Operation.Builder op = Operation.newBuilder()
                .setName(RecomputeOperations.PREFIX + run.id())
                .setMetadata(Any.pack(metadata.build()))
                .setDone(run.done());
        try {
            if (RecomputeRuns.SUCCEEDED.equals(run.status()) && run.response() != null) {
                op.setResponse(Any.pack(RecomputeScorecardsResponse.parseFrom(run.response())));
            } else if (run.done() && run.error() != null) {
                op.setError(com.google.rpc.Status.parseFrom(run.error()));
            }
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored operation outcome does not parse", e);
        }
        return op.build();
    }
}
