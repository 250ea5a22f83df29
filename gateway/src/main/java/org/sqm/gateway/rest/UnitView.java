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
 * @param state      ACTIVE or INACTIVE; units are deactivated, never deleted
 * @param etag       changes with every change; send it as If-Match to change the unit
 * @param updateTime when the unit last changed (RFC 3339, UTC)
 * @param calendarId the unit's own business calendar; absent when it uses its nearest ancestor's
 */
@Schema(name = "Unit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitView(
        @Schema(format = "uuid") String id,
        String code,
        String name,
        UnitType type,
        @Schema(format = "uuid") String parentId,
        @Schema(format = "date-time") String createTime,
        @Schema(enumeration = {"ACTIVE", "INACTIVE"}) String state,
        String etag,
        @Schema(format = "date-time") String updateTime,
        @Schema(format = "uuid") String calendarId) {}
