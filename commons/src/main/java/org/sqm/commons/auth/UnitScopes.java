package org.sqm.commons.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sqm.commons.error.NotFoundException;

/**
 * The units the caller of the gRPC call being served may see (docs/authorisation.md): everything for
 * organisation-wide roles, service tokens and jobs; the token's units and their descendants for a unit
 * manager, viewer or complaint handler. A service checks every unit-scoped answer here: a single
 * resource of another unit is NOT_FOUND (never confirmed to exist), a list is filtered by
 * {@link #visibleUnits()} and binds {@link #scopeKey()} into its page tokens so that a token cannot be
 * reused to widen the scope. Subtrees are cached for {@value #TTL_SECONDS} s.
 */
@ApplicationScoped
public class UnitScopes {

    static final long TTL_SECONDS = 30;

    private record Cached(Set<UUID> units, long expiresAtNanos) {}

    private final Instance<UnitTree> tree;
    private final ConcurrentHashMap<UUID, Cached> subtrees = new ConcurrentHashMap<>();

    public UnitScopes(Instance<UnitTree> tree) {
        this.tree = tree;
    }

    /** The units the caller may see, or empty when it may see all of them. */
    public Optional<Set<UUID>> visibleUnits() {
        return CallAccess.current().flatMap(CallAccess::unitRoots).map(this::union);
    }

    /** Whether the caller may see the unit's resources. */
    public boolean sees(UUID unit) {
        return visibleUnits().map(units -> units.contains(unit)).orElse(true);
    }

    /** Whether the caller may see a resource that belongs to any of these units (e.g. escalated to one). */
    public boolean seesAny(Collection<UUID> units) {
        return visibleUnits()
                .map(visible -> units.stream().anyMatch(visible::contains))
                .orElse(true);
    }

    /**
     * Throws NOT_FOUND, worded exactly as for a resource that does not exist, when the caller may not
     * see the unit the resource belongs to.
     */
    public void requireVisible(UUID unit, String resource, String id) {
        if (!sees(unit)) {
            throw new NotFoundException(resource, id);
        }
    }

    /**
     * What a list's page token must be bound to besides the list's own query: the caller's units (or
     * inspector subject), so a page token minted for one scope is refused under another.
     */
    public String scopeKey() {
        Optional<CallAccess> access = CallAccess.current();
        if (access.isEmpty() || access.get().unrestricted()) {
            return "all";
        }
        StringBuilder key = new StringBuilder();
        access.get().unitRoots().ifPresent(roots -> key.append("units:").append(new TreeSet<>(roots)));
        access.get().inspectorSubject().ifPresent(subject -> key.append("|inspector:")
                .append(subject));
        return key.toString();
    }

    private Set<UUID> union(Set<UUID> roots) {
        Set<UUID> all = new HashSet<>();
        for (UUID root : roots) {
            all.addAll(subtree(root));
        }
        return all;
    }

    private Set<UUID> subtree(UUID root) {
        long now = System.nanoTime();
        Cached cached = subtrees.get(root);
        if (cached != null && cached.expiresAtNanos() - now > 0) {
            return cached.units();
        }
        if (!tree.isResolvable()) {
            throw new IllegalStateException("a unit-scoped call needs a UnitTree bean in this service");
        }
        Set<UUID> units = Set.copyOf(tree.get().subtree(root));
        subtrees.put(
                root, new Cached(units, now + Duration.ofSeconds(TTL_SECONDS).toNanos()));
        return units;
    }
}
