package org.sqm.inspection.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.service.Standards;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitState;

/** {@link Standards} over gRPC, every call through {@link RemoteCalls} (deadline, retries, dependency errors). */
@ApplicationScoped
public class StandardsGrpcClient implements Standards {

    private static final String SERVICE = UnitDirectory.SERVICE;
    private static final int PAGE_SIZE = 1000;

    private final UnitDirectory units;
    private final StandardServiceBlockingStub standards;
    private final RemoteCalls calls;

    public StandardsGrpcClient(
            @GrpcClient("standards") UnitServiceBlockingStub units,
            @GrpcClient("standards") StandardServiceBlockingStub standards,
            RemoteCalls calls) {
        this.units = new UnitDirectory(units, calls);
        this.standards = standards;
        this.calls = calls;
    }

    @Override
    public Optional<Unit> unit(UUID id) {
        return units.unit(id)
                .map(u -> new Unit(id, ProtoEnums.shortName(u.getType()), u.getState() == UnitState.UNIT_STATE_ACTIVE));
    }

    @Override
    public List<UUID> activeDescendants(UUID parentId, String type) {
        return units.descendants(parentId, false).stream()
                .filter(u -> u.getState() == UnitState.UNIT_STATE_ACTIVE)
                .filter(u -> type.equals(ProtoEnums.shortName(u.getType())))
                .map(u -> UUID.fromString(u.getId()))
                .toList();
    }

    @Override
    public Optional<UUID> publishedVersionInForce(String code) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Standard> published = new ArrayList<>();
        calls.readAllPages(
                SERVICE,
                token -> standards.listStandards(ListStandardsRequest.newBuilder()
                        .setCode(code)
                        .setStatus(StandardStatus.STANDARD_STATUS_PUBLISHED)
                        .setPageSize(PAGE_SIZE)
                        .setPageToken(token)
                        .build()),
                page -> published.addAll(page.getStandardsList()),
                ListStandardsResponse::getNextPageToken);
        return published.stream()
                .filter(s -> !s.getEffectiveFrom().isEmpty()
                        && !LocalDate.parse(s.getEffectiveFrom()).isAfter(today))
                .filter(s -> s.getEffectiveUntil().isEmpty()
                        || LocalDate.parse(s.getEffectiveUntil()).isAfter(today))
                .max(Comparator.comparingInt(Standard::getVersion))
                .map(s -> UUID.fromString(s.getId()));
    }

    @Override
    public Optional<Version> findVersion(UUID id) {
        return calls.find(SERVICE, () -> getStandard(id)).map(StandardsGrpcClient::version);
    }

    @Override
    public Version version(UUID id) {
        return version(calls.read(SERVICE, () -> getStandard(id)));
    }

    private Standard getStandard(UUID id) {
        return standards.getStandard(
                GetStandardRequest.newBuilder().setId(id.toString()).build());
    }

    private static Version version(Standard s) {
        return new Version(snapshot(s), s.getStatus() == StandardStatus.STANDARD_STATUS_PUBLISHED);
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
}
