package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.complaint.v1.EscalateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.RecordCallBackRequest;
import org.sqm.proto.complaint.v1.RecordSatisfactionRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/** The SQL statistics against an independent computation from the complaints as the API returns them. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ComplaintStatisticsTest {

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    private Complaint move(Complaint c, Moves move) {
        return move.on(complaints, c, "");
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    @Test
    void sqlStatisticsMatchAnIndependentComputationOnAGeneratedDataSet() {
        String root = UUID.randomUUID().toString();
        String unit = UUID.randomUUID().toString();
        String child = UUID.randomUUID().toString();
        FakeStandardsBackend.register(root, null, true, true);
        FakeStandardsBackend.register(unit, root, true, true);
        FakeStandardsBackend.register(child, unit, true, true);
        Random random = new Random(20261121L);
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String about = random.nextInt(3) == 0 ? child : unit;
            Complaint c = complaints.createComplaint(CreateComplaintRequest.newBuilder()
                    .setComplaint(Complaint.newBuilder()
                            .setUnitId(about)
                            .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_WEB_FORM)
                            .setCategory("NETWORK_QUALITY")
                            .setSeverity(Severity.SEVERITY_LOW)
                            .setDescription("No signal at home, case " + i)
                            .setComplainant(
                                    Complainant.newBuilder().setName("C" + i).setEmail("c" + i + "@example.org"))
                            .setReceiveTime(ts(now.minusSeconds(3600L + random.nextInt(250 * 3600)))))
                    .build());
            switch (random.nextInt(6)) {
                case 0 -> {}
                case 1 -> move(move(c, Moves.START_INVESTIGATION), Moves.RESOLVE);
                case 2 -> {
                    Complaint r = move(move(c, Moves.START_INVESTIGATION), Moves.RESOLVE);
                    int score = 1 + random.nextInt(5);
                    r = complaints.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                            .setId(r.getId())
                            .setEtag(r.getEtag())
                            .setScore(score)
                            .build());
                    if (score <= 2 && random.nextBoolean()) {
                        complaints.recordCallBack(RecordCallBackRequest.newBuilder()
                                .setId(r.getId())
                                .setEtag(r.getEtag())
                                .setOutcome("Called back")
                                .build());
                    }
                }
                case 3 -> {
                    Complaint r = move(move(c, Moves.START_INVESTIGATION), Moves.RESOLVE);
                    move(move(r, Moves.REOPEN), Moves.RESOLVE);
                }
                case 4 -> move(c, Moves.WITHDRAW);
                default -> complaints.escalateComplaint(EscalateComplaintRequest.newBuilder()
                        .setId(c.getId())
                        .setEtag(c.getEtag())
                        .build());
            }
            ids.add(c.getId());
        }

        List<Complaint> all = ids.stream()
                .map(id -> complaints.getComplaint(
                        GetComplaintRequest.newBuilder().setId(id).build()))
                .toList();
        Instant from = now.minusSeconds(300 * 3600);
        Instant to = now.plusSeconds(3600);
        assertStatistics(
                all,
                complaints.getComplaintStatistics(GetComplaintStatisticsRequest.newBuilder()
                        .setUnitId(unit)
                        .setIncludeDescendants(true)
                        .setPeriodStart(ts(from))
                        .setPeriodEnd(ts(to))
                        .build()));
        assertStatistics(
                all.stream().filter(c -> c.getUnitId().equals(unit)).toList(),
                complaints.getComplaintStatistics(GetComplaintStatisticsRequest.newBuilder()
                        .setUnitId(unit)
                        .setPeriodStart(ts(from))
                        .setPeriodEnd(ts(to))
                        .build()));
    }

    private static void assertStatistics(List<Complaint> expected, ComplaintStatistics actual) {
        List<Complaint> resolved =
                expected.stream().filter(Complaint::hasResolveTime).toList();
        long inTime = resolved.stream()
                .filter(c -> {
                    Deadline d = deadline(c, DeadlineKind.DEADLINE_KIND_RESOLVE);
                    return d != null
                            && d.hasMetTime()
                            && !seconds(d.getMetTime()).isAfter(seconds(d.getDueTime()));
                })
                .count();
        List<Double> times = resolved.stream()
                .map(c -> (double) c.getResolutionBusinessTime().getSeconds())
                .sorted()
                .toList();
        List<Integer> scores = expected.stream()
                .map(Complaint::getSatisfaction)
                .filter(s -> s > 0)
                .toList();
        long callBacks = expected.stream()
                .filter(c -> deadline(c, DeadlineKind.DEADLINE_KIND_CALL_BACK) != null)
                .count();
        long callBacksDone = expected.stream()
                .map(c -> deadline(c, DeadlineKind.DEADLINE_KIND_CALL_BACK))
                .filter(d -> d != null && d.hasMetTime())
                .count();
        long reopened = expected.stream()
                .filter(c ->
                        c.getHistoryList().stream().anyMatch(e -> e.getAction().equals("REOPEN")))
                .count();
        long escalated =
                expected.stream().filter(c -> c.getEscalationLevel() > 0).count();

        assertTrue(
                resolved.size() > 3 && !scores.isEmpty() && reopened > 0 && escalated > 0,
                "the data set covers every figure");
        assertEquals(expected.size(), actual.getReceived());
        assertEquals(resolved.size(), actual.getResolved());
        assertEquals(inTime, actual.getResolvedWithinDeadline());
        assertEquals((double) inTime / resolved.size(), actual.getShareResolvedWithinDeadline(), 1e-9);
        assertEquals(
                percentile(times, 0.5),
                actual.getMedianResolutionTime().getSeconds()
                        + actual.getMedianResolutionTime().getNanos() / 1e9,
                1e-3);
        assertEquals(
                percentile(times, 0.9),
                actual.getP90ResolutionTime().getSeconds()
                        + actual.getP90ResolutionTime().getNanos() / 1e9,
                1e-3);
        assertEquals(scores.size(), actual.getSatisfactionResponses());
        assertEquals(
                scores.stream().mapToInt(Integer::intValue).average().orElse(0), actual.getMeanSatisfaction(), 1e-9);
        assertEquals(reopened, actual.getReopened());
        assertEquals((double) reopened / resolved.size(), actual.getReopenRate(), 1e-9);
        assertEquals(escalated, actual.getEscalated());
        assertEquals(callBacks, actual.getCallBacksRequired());
        assertEquals(callBacksDone, actual.getCallBacksDone());
    }

    /** Continuous percentile with linear interpolation, as PostgreSQL's percentile_cont. */
    private static double percentile(List<Double> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }

    private static Deadline deadline(Complaint c, DeadlineKind kind) {
        return c.getDeadlinesList().stream()
                .filter(d -> d.getKind() == kind)
                .findFirst()
                .orElse(null);
    }

    private static Instant seconds(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
