package org.sqm.inspection.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.persistence.UniqueViolation;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.PinnedStandardEntity;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.PinnedStandardRepository;

/**
 * Pins published standard versions: copies them once from standards-service. Calls standards-service,
 * so no transaction may be open; the local copy is read and stored in short transactions of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class PinnedStandards {

    private final Standards standards;
    private final PinnedStandardRepository pinned;

    private final Clock clock;

    public PinnedStandards(Standards standards, PinnedStandardRepository pinned, Clock clock) {
        this.standards = standards;
        this.pinned = pinned;
        this.clock = clock;
    }

    /** Pins the version of {@code code} published and in force now. */
    public StandardSnapshot inForce(String code) {
        UUID id = standards
                .publishedVersionInForce(code)
                .orElseThrow(() -> new FailedPreconditionException(
                        "NO_PUBLISHED_VERSION",
                        "standard " + code + " has no published version in force today",
                        Map.of("standard_code", code)));
        return copy(id, "standard_code", () -> standards.version(id));
    }

    /** Pins a version by id; it must be published. {@code field} names the request field for errors. */
    public StandardSnapshot pin(UUID id, String field) {
        return copy(id, field, () -> standards
                .findVersion(id)
                .orElseThrow(() -> new InvalidArgumentException(field, "no standard version has this id")));
    }

    private StandardSnapshot copy(UUID id, String field, Supplier<Standards.Version> fetch) {
        PinnedStandardEntity local = QuarkusTransaction.requiringNew().call(() -> pinned.findById(id));
        if (local != null) {
            return local.content;
        }
        Standards.Version version = fetch.get();
        if (!version.published()) {
            throw new InvalidArgumentException(
                    field, "is not a published version; only published versions are inspected");
        }
        StandardSnapshot snapshot = version.snapshot();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (pinned.findById(id) == null) {
                    PinnedStandardEntity entity = new PinnedStandardEntity();
                    entity.id = id;
                    entity.code = snapshot.code();
                    entity.version = snapshot.version();
                    entity.content = snapshot;
                    entity.fetchTime = Clocks.now(clock);
                    pinned.persistAndFlush(entity);
                }
            });
        } catch (RuntimeException e) {
            // Another call copied the same version at the same moment: the copies are equal.
            if (UniqueViolation.constraintOf(e).isEmpty()) {
                throw e;
            }
        }
        return snapshot;
    }
}
