package org.sqm.scoring.service;

import java.util.List;
import java.util.Optional;

/** The rating levels a standard rates with, from standards-service; never called inside a database transaction. */
public interface RatingScales {

    /**
     * The level codes of the rating scale of the standard's latest version (empty for a numeric
     * scale), or empty when standards-service has no standard with the code.
     */
    Optional<List<String>> levelCodes(String standardCode);
}
