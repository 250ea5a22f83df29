package org.sqm.scoring.service;

import java.util.List;
import org.sqm.proto.scoring.v1.ScoringModel;

/** The scoring models published now, at most one per unit type: what a recompute scores with. */
public interface PublishedModels {

    /** Every published model version. */
    List<ScoringModel> published();
}
