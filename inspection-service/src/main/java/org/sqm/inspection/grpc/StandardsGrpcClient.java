package org.sqm.inspection.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sqm.inspection.config.InspectionConfig;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.service.Standards;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitState;

/** {@link Standards} over gRPC; every call carries its own deadline. */
@ApplicationScoped
public class StandardsGrpcClient implements Standards {

    private static final String UNIT_TYPE_PREFIX = "UNIT_TYPE_";

    private final UnitServiceBlockingStub units;
    private final StandardServiceBlockingStub standards;
    private final long deadlineMillis;

    public StandardsGrpcClient(
            @GrpcClient("standards") UnitServiceBlockingStub units,
            @GrpcClient("standards") StandardServiceBlockingStub standards,
            InspectionConfig config) {
        this.units = units;
        this.standards = standards;
        this.deadlineMillis = config.standardsDeadline().toMillis();
    }

    @Override
    public Optional<Unit> unit(UUID id) {
        try {
            var unit = units.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getUnit(GetUnitRequest.newBuilder().setId(id.toString()).build());
            return Optional.of(
                    new Unit(id, unitType(unit.getType().name()), unit.getState() == UnitState.UNIT_STATE_ACTIVE));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<UUID> activeDescendants(UUID parentId, String type) {
        List<UUID> ids = new ArrayList<>();
        String token = "";
        do {
            ListUnitDescendantsResponse page = units.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                            .setId(parentId.toString())
                            .setPageSize(1000)
                            .setPageToken(token)
                            .build());
            page.getUnitsList().stream()
                    .filter(u -> u.getState() == UnitState.UNIT_STATE_ACTIVE)
                    .filter(u -> unitType(u.getType().name()).equals(type))
                    .forEach(u -> ids.add(UUID.fromString(u.getId())));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return ids;
    }

    @Override
    public Optional<UUID> publishedVersionInForce(String code) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Standard> published = new ArrayList<>();
        String token = "";
        do {
            ListStandardsResponse page = standards
                    .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .listStandards(ListStandardsRequest.newBuilder()
                            .setCode(code)
                            .setStatus(StandardStatus.STANDARD_STATUS_PUBLISHED)
                            .setPageSize(1000)
                            .setPageToken(token)
                            .build());
            published.addAll(page.getStandardsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return published.stream()
                .filter(s -> !s.getEffectiveFrom().isEmpty()
                        && !LocalDate.parse(s.getEffectiveFrom()).isAfter(today))
                .filter(s -> s.getEffectiveUntil().isEmpty()
                        || LocalDate.parse(s.getEffectiveUntil()).isAfter(today))
                .max(Comparator.comparingInt(Standard::getVersion))
                .map(s -> UUID.fromString(s.getId()));
    }

    @Override
    public Optional<Version> version(UUID id) {
        try {
            Standard s = standards
                    .withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
                    .getStandard(
                            GetStandardRequest.newBuilder().setId(id.toString()).build());
            return Optional.of(new Version(snapshot(s), s.getStatus() == StandardStatus.STANDARD_STATUS_PUBLISHED));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The parts of a standard version that inspections use. */
    static StandardSnapshot snapshot(Standard s) {
        var scale = s.getRatingScale();
        List<StandardSnapshot.Element> elements = new ArrayList<>();
        s.getCriteriaList().forEach(c -> c.getSubCriteriaList().forEach(sub -> sub.getElementsList()
                .forEach(e -> elements.add(new StandardSnapshot.Element(
                        e.getCode(),
                        e.getTitle(),
                        c.getCode(),
                        sub.getCode(),
                        e.getWeight(),
                        e.getMandatory(),
                        e.getCritical())))));
        return new StandardSnapshot(
                UUID.fromString(s.getId()),
                s.getCode(),
                s.getVersion(),
                new StandardSnapshot.Scale(
                        scale.getKind() == RatingScaleKind.RATING_SCALE_KIND_NUMERIC,
                        scale.getLevelsList().stream()
                                .map(l -> new StandardSnapshot.Level(
                                        l.getCode(), l.getLabel(), l.getPoints(), l.getMeetsRequirement()))
                                .toList(),
                        scale.getAllowNotApplicable(),
                        scale.getMinScore(),
                        scale.getMaxScore(),
                        scale.getPassScore()),
                elements);
    }

    private static String unitType(String protoName) {
        return protoName.startsWith(UNIT_TYPE_PREFIX) ? protoName.substring(UNIT_TYPE_PREFIX.length()) : protoName;
    }
}
