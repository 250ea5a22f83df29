package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.sqm.proto.scoring.v1.ScoringModel;

/** {@link PublishedModels} from the scoring models this service keeps ({@link ScoringModels}). */
@ApplicationScoped
public class PublishedScoringModels implements PublishedModels {

    private final ScoringModels models;

    public PublishedScoringModels(ScoringModels models) {
        this.models = models;
    }

    @Override
    public List<ScoringModel> published() {
        return models.published();
    }
}
