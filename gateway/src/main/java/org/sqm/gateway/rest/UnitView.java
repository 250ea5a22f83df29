package org.sqm.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organisation unit as the REST API shows it.
 *
 * @param id         the unit's id
 * @param code       the unit's business code
 * @param name       the display name
 * @param type       the unit's type
 * @param parentId   the parent unit's id; absent for a root unit
 * @param createTime when the unit was created (RFC 3339, UTC)
 */
@Schema(name = "Unit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitView(
        @Schema(format = "uuid") String id,
        String code,
        String name,
        UnitType type,
        @Schema(format = "uuid") String parentId,
        @Schema(format = "date-time") String createTime) {}
