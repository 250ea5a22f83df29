package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.scoring.domain.ScoringModelEntity;
import org.sqm.scoring.repository.ScoringModelRepository;

/** What scores units now: the published scoring model versions, as the contract's messages; one read transaction. */
@ApplicationScoped
@Transactional
public class ScoringModels {

    private final ScoringModelRepository models;

    public ScoringModels(ScoringModelRepository models) {
        this.models = models;
    }

    /**
     * The published versions, at most one per unit type, ordered by unit type; every output-only field
     * set (id, version, etag, times), so a scorecard can name the version it used.
     */
    public List<ScoringModel> published() {
        return models.allPublished().stream().map(ScoringModelDocument::toProto).toList();
    }

    /** The spot-check triggers of the given versions that have any, by version id. */
    public Map<UUID, List<SpotCheckTrigger>> spotCheckTriggers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<SpotCheckTrigger>> triggers = new HashMap<>();
        for (ScoringModelEntity e : models.list("id in ?1", List.copyOf(ids))) {
            List<SpotCheckTrigger> list =
                    ScoringModelDocument.parse(e.id, e.definition).getSpotCheckTriggersList();
            if (!list.isEmpty()) {
                triggers.put(e.id, list);
            }
        }
        return triggers;
    }
}
