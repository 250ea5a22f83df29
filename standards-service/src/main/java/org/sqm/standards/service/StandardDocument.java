package org.sqm.standards.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.sqm.standards.domain.ServiceChannel;
import org.sqm.standards.domain.StandardContent.Criterion;
import org.sqm.standards.domain.StandardContent.RatingScale;
import org.sqm.standards.domain.StandardContent.ServiceLevelTarget;
import org.sqm.standards.domain.UnitType;

/**
 * The exchange format of a standard (format {@value #FORMAT}): everything that defines a version,
 * nothing that belongs to one installation (ids, etags, times, status).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "format",
    "code",
    "version",
    "title",
    "description",
    "effectiveFrom",
    "effectiveUntil",
    "unitTypes",
    "channels",
    "ratingScale",
    "criteria",
    "serviceLevelTargets"
})
public record StandardDocument(
        String format,
        String code,
        Integer version,
        String title,
        String description,
        String effectiveFrom,
        String effectiveUntil,
        List<UnitType> unitTypes,
        List<ServiceChannel> channels,
        RatingScale ratingScale,
        List<Criterion> criteria,
        List<ServiceLevelTarget> serviceLevelTargets) {

    public static final String FORMAT = "sqm-standard/v1";
}
