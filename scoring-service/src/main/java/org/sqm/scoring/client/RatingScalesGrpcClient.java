package org.sqm.scoring.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.client.UnitDirectory;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.scoring.service.RatingScales;

/**
 * {@link RatingScales} over gRPC: the versions of the code (a list, which carries no tree), then the
 * latest version with its rating scale. Two safe reads, retried while standards-service is unreachable.
 */
@ApplicationScoped
public class RatingScalesGrpcClient implements RatingScales {

    private final StandardServiceBlockingStub standards;
    private final RemoteCalls calls;

    public RatingScalesGrpcClient(@GrpcClient("standards") StandardServiceBlockingStub standards, RemoteCalls calls) {
        this.standards = standards;
        this.calls = calls;
    }

    @Override
    public Optional<List<String>> levelCodes(String standardCode) {
        List<Standard> versions = new ArrayList<>();
        calls.readAllPages(
                UnitDirectory.SERVICE,
                token -> standards.listStandards(ListStandardsRequest.newBuilder()
                        .setCode(standardCode)
                        .setPageSize(1000)
                        .setPageToken(token)
                        .build()),
                (ListStandardsResponse page) -> versions.addAll(page.getStandardsList()),
                ListStandardsResponse::getNextPageToken);
        Optional<Standard> latest = versions.stream()
                .filter(s -> s.getCode().equals(standardCode))
                .max(Comparator.comparingInt(Standard::getVersion));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Standard tree = calls.read(
                UnitDirectory.SERVICE,
                () -> standards.getStandard(GetStandardRequest.newBuilder()
                        .setId(latest.get().getId())
                        .build()));
        return Optional.of(tree.getRatingScale().getLevelsList().stream()
                .map(RatingLevel::getCode)
                .toList());
    }
}
