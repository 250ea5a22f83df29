package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.CustomerSegment;
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
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.proto.complaint.v1.SegmentCount;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

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
        Instant now = Instant.now();
        List<Complaint> all = generate(List.of(unit, unit, child), 40, new Random(20261121L), now);
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

    @Test
    void theStreamAnswersEveryUnitOnceInUnitOrderWithTheFiguresOfTheCallPerUnit() {
        // More units than the test profile's cursor fetch (3), so the stream crosses several fetches.
        String root = UUID.randomUUID().toString();
        FakeStandardsBackend.register(root, null, true, true);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            units.add(UUID.randomUUID().toString());
            FakeStandardsBackend.register(units.get(i), root, true, true);
        }
        Instant now = Instant.now();
        List<Complaint> generated = generate(units, 48, new Random(20261130L), now);
        Instant from = now.minusSeconds(300 * 3600);
        Instant to = now.plusSeconds(3600);

        List<UnitComplaintStatistics> streamed = new ArrayList<>();
        complaints.streamComplaintStatistics(period(from, to)).forEachRemaining(streamed::add);

        List<String> order =
                streamed.stream().map(UnitComplaintStatistics::getUnitId).toList();
        assertEquals(order.stream().sorted().distinct().toList(), order, "each unit once, in unit id order");
        assertTrue(
                order.containsAll(generated.stream().map(Complaint::getUnitId).collect(Collectors.toSet())),
                "every unit with complaints in the period is in the stream");
        for (UnitComplaintStatistics unit : streamed) {
            assertEquals(
                    complaints.getComplaintStatistics(GetComplaintStatisticsRequest.newBuilder()
                            .setUnitId(unit.getUnitId())
                            .setPeriodStart(ts(from))
                            .setPeriodEnd(ts(to))
                            .build()),
                    unit.getStatistics(),
                    "unit " + unit.getUnitId());
        }
        long received = streamed.stream()
                .filter(u -> units.contains(u.getUnitId()))
                .mapToLong(u -> u.getStatistics().getReceived())
                .sum();
        assertEquals(generated.size(), received);
        // A period with no complaints is an empty stream, not an error.
        assertFalse(complaints
                .streamComplaintStatistics(
                        period(Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-02-01T00:00:00Z")))
                .hasNext());
    }

    @Test
    void aPeriodMissingReversedTooLongOrInTheFutureIsRefusedNamingTheField() {
        Instant now = Instant.now();
        Instant monthAgo = now.minus(Duration.ofDays(30));
        List<StreamComplaintStatisticsRequest> cases = List.of(
                StreamComplaintStatisticsRequest.newBuilder()
                        .setPeriodEnd(ts(now))
                        .build(),
                StreamComplaintStatisticsRequest.newBuilder()
                        .setPeriodStart(ts(monthAgo))
                        .build(),
                period(now, monthAgo),
                period(monthAgo.minus(Duration.ofDays(400)), monthAgo.plusSeconds(1)),
                period(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31))),
                StreamComplaintStatisticsRequest.newBuilder()
                        .setPeriodStart(Timestamp.newBuilder().setSeconds(1).setNanos(-1))
                        .setPeriodEnd(ts(now))
                        .build());
        List<String> fields =
                List.of("period_start", "period_end", "period_end", "period_end", "period_start", "period_start");
        String unit = UUID.randomUUID().toString();
        for (int i = 0; i < cases.size(); i++) {
            StreamComplaintStatisticsRequest request = cases.get(i);
            var streamed = assertThrows(
                    StatusRuntimeException.class,
                    () -> complaints.streamComplaintStatistics(request).hasNext());
            assertEquals(Status.Code.INVALID_ARGUMENT, streamed.getStatus().getCode(), request.toString());
            assertEquals(List.of(fields.get(i)), GrpcErrors.violatedFields(streamed), request.toString());
            GetComplaintStatisticsRequest.Builder oneUnit =
                    GetComplaintStatisticsRequest.newBuilder().setUnitId(unit);
            if (request.hasPeriodStart()) {
                oneUnit.setPeriodStart(request.getPeriodStart());
            }
            if (request.hasPeriodEnd()) {
                oneUnit.setPeriodEnd(request.getPeriodEnd());
            }
            var single = assertThrows(
                    StatusRuntimeException.class, () -> complaints.getComplaintStatistics(oneUnit.build()));
            assertEquals(List.of(fields.get(i)), GrpcErrors.violatedFields(single), request.toString());
        }
        // 400 days exactly is a period still; a period that has begun may end in the future.
        complaints
                .streamComplaintStatistics(
                        period(monthAgo.minus(Duration.ofDays(370)), monthAgo.plus(Duration.ofDays(30))))
                .forEachRemaining(streamed -> assertFalse(streamed.getUnitId().isEmpty()));
    }

    @Test
    void aClientThatStopsReadingEndsTheStreamAndGivesItsConnectionBack() {
        String root = UUID.randomUUID().toString();
        String unit = UUID.randomUUID().toString();
        FakeStandardsBackend.register(root, null, true, true);
        FakeStandardsBackend.register(unit, root, true, true);
        Instant now = Instant.now();
        generate(List.of(unit), 4, new Random(7L), now);
        StreamComplaintStatisticsRequest request = period(now.minus(Duration.ofDays(30)), now.plusSeconds(60));
        // More abandoned streams than the connection pool has connections (16): a stream that kept
        // its connection after its client left would starve the ones after it.
        for (int i = 0; i < 20; i++) {
            Context.CancellableContext call = Context.current().withCancellation();
            try {
                call.run(() -> complaints.streamComplaintStatistics(request).next());
            } finally {
                call.cancel(null);
            }
        }
        List<UnitComplaintStatistics> all = new ArrayList<>();
        complaints.streamComplaintStatistics(request).forEachRemaining(all::add);
        assertTrue(all.stream().anyMatch(u -> u.getUnitId().equals(unit)));
    }

    private static StreamComplaintStatisticsRequest period(Instant from, Instant to) {
        return StreamComplaintStatisticsRequest.newBuilder()
                .setPeriodStart(ts(from))
                .setPeriodEnd(ts(to))
                .build();
    }

    /**
     * Records {@code count} complaints about the units (picked at random; list a unit twice to weigh
     * it), received in the 250 hours before {@code now}, each taken down one of the paths that every
     * figure counts, and answers them as GetComplaint reads them.
     */
    private List<Complaint> generate(List<String> units, int count, Random random, Instant now) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String about = units.get(random.nextInt(units.size()));
            Complaint c = complaints.createComplaint(CreateComplaintRequest.newBuilder()
                    .setComplaint(Complaint.newBuilder()
                            .setUnitId(about)
                            .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_WEB_FORM)
                            .setCategory("NETWORK_QUALITY")
                            .setSeverity(Severity.SEVERITY_LOW)
                            .setDescription("No signal at home, case " + i)
                            .setComplainant(
                                    Complainant.newBuilder().setName("C" + i).setEmail("c" + i + "@example.org"))
                            .setReceiveTime(ts(now.minusSeconds(3600L + random.nextInt(250 * 3600))))
                            .setCustomerSegmentValue(random.nextInt(CustomerSegment.values().length - 1)))
                    .build());
            switch (random.nextInt(6)) {
                case 0 -> {}
                case 1 -> resolve(move(c, Moves.START_INVESTIGATION), random.nextBoolean());
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
                    // Resolved at first contact, then reopened: it no longer counts.
                    Complaint r = resolve(move(c, Moves.START_INVESTIGATION), true);
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

        return ids.stream()
                .map(id -> complaints.getComplaint(
                        GetComplaintRequest.newBuilder().setId(id).build()))
                .toList();
    }

    private Complaint resolve(Complaint c, boolean firstContact) {
        return complaints.resolveComplaint(ResolveComplaintRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .setRootCause("COVERAGE_GAP")
                .setRemedy("Repeater installed")
                .setResolvedAtFirstContact(firstContact)
                .build());
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

        long firstContact = expected.stream()
                .filter(c -> c.getResolvedAtFirstContact()
                        && c.getHistoryList().stream()
                                .noneMatch(e -> e.getAction().equals("REOPEN")))
                .count();
        List<SegmentCount> bySegment = new ArrayList<>();
        for (CustomerSegment segment : CustomerSegment.values()) {
            long count = expected.stream()
                    .filter(c -> c.getCustomerSegment() == segment)
                    .count();
            if (segment != CustomerSegment.UNRECOGNIZED && count > 0) {
                bySegment.add(SegmentCount.newBuilder()
                        .setSegment(segment)
                        .setReceived(count)
                        .build());
            }
        }

        assertTrue(
                resolved.size() > 3
                        && !scores.isEmpty()
                        && reopened > 0
                        && escalated > 0
                        && firstContact > 0
                        && bySegment.size() > 2,
                "the data set covers every figure");
        assertEquals(firstContact, actual.getFirstContactResolutions());
        assertEquals((double) firstContact / expected.size(), actual.getFirstContactResolutionRate(), 1e-9);
        assertEquals(bySegment, actual.getReceivedBySegmentList());
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
