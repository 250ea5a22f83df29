package org.sqm.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.auth.UnitTree;
import org.sqm.standards.repository.UnitRepository;

/** The organisation tree for commons {@code UnitScopes}, read from this service's own unit table. */
@ApplicationScoped
public class UnitSubtrees implements UnitTree {

    private final UnitRepository units;

    public UnitSubtrees(UnitRepository units) {
        this.units = units;
    }

    @Override
    @Transactional
    public Set<UUID> subtree(UUID root) {
        Set<UUID> subtree = new HashSet<>(units.subtreeIds(root));
        // A unit that does not exist (yet) still names only itself.
        subtree.add(root);
        return subtree;
    }
}
