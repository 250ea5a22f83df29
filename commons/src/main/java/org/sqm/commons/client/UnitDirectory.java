package org.sqm.commons.client;

import io.grpc.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;

/**
 * The organisation units of standards-service as the other services read them, through {@link
 * RemoteCalls}: one unit by id, every unit below one. Each service's standards client holds one and
 * maps the units to what its own domain needs.
 */
public final class UnitDirectory {

    /** The application that owns the units. */
    public static final String SERVICE = "standards-service";

    private static final int PAGE_SIZE = 1000;

    private final UnitServiceBlockingStub units;
    private final RemoteCalls calls;

    public UnitDirectory(UnitServiceBlockingStub units, RemoteCalls calls) {
        this.units = units;
        this.calls = calls;
    }

    /** The unit, or empty when standards-service knows no unit with the id. */
    public Optional<Unit> unit(UUID id) {
        return calls.find(
                SERVICE,
                () -> units.getUnit(
                        GetUnitRequest.newBuilder().setId(id.toString()).build()));
    }

    /** Every unit below the unit, at any depth, read page by page; inactive ones only if asked. */
    public List<Unit> descendants(UUID id, boolean showInactive) {
        List<Unit> below = new ArrayList<>();
        calls.readAllPages(
                SERVICE,
                token -> units.listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                        .setId(id.toString())
                        .setPageSize(PAGE_SIZE)
                        .setPageToken(token)
                        .setShowInactive(showInactive)
                        .build()),
                (ListUnitDescendantsResponse page) -> below.addAll(page.getUnitsList()),
                ListUnitDescendantsResponse::getNextPageToken);
        return below;
    }

    /**
     * The unit and every unit below it, inactive ones too: what each service's {@code UnitTree} answers
     * for {@code UnitScopes}. Read outside the caller's open transaction, if any (suspended for the
     * call: a remote call never runs inside one). A unit standards-service does not know, or does not
     * show this caller, grants nothing: no units at all.
     */
    public Set<UUID> subtree(UUID root) {
        return QuarkusTransaction.isActive()
                ? QuarkusTransaction.suspendingExisting().call(() -> readSubtree(root))
                : readSubtree(root);
    }

    private Set<UUID> readSubtree(UUID root) {
        Set<UUID> subtree = new LinkedHashSet<>();
        subtree.add(root);
        try {
            descendants(root, true).forEach(unit -> subtree.add(UUID.fromString(unit.getId())));
        } catch (RemoteCallException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return Set.of();
            }
            throw e;
        }
        return subtree;
    }
}
