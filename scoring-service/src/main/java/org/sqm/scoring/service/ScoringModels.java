package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.sqm.proto.scoring.v1.ScoringModel;
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
}
