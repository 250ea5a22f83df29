package org.sqm.inspection.grpc;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitTree;
import org.sqm.proto.standards.v1.Unit;

/**
 * The organisation tree of {@link FakeStandardsBackend}, read directly: the service's own UnitTree asks
 * standards-service with the caller's token, and the stand-in served here carries the standards protos'
 * access rules, which are standards-service's business, not this module's.
 */
@Mock
@ApplicationScoped
public class FakeUnitTree implements UnitTree {

    @Override
    public Set<UUID> subtree(UUID root) {
        Set<UUID> found = new LinkedHashSet<>();
        found.add(root);
        collect(root.toString(), found);
        return found;
    }

    private static void collect(String parent, Set<UUID> found) {
        for (Unit u : FakeStandardsBackend.UNITS.values()) {
            if (u.getParentId().equals(parent) && found.add(UUID.fromString(u.getId()))) {
                collect(u.getId(), found);
            }
        }
    }
}
