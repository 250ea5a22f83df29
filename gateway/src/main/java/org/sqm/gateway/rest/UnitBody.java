package org.sqm.gateway.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a request that creates a unit.
 *
 * @param code     the unit's business code, unique across units: 1 to 64 letters, digits, '.', '_', '-'
 * @param name     the display name, at most 200 characters
 * @param type     the unit's type
 * @param parentId the id of the parent unit; absent for a root unit
 * @param calendarId the id of the unit's business calendar; absent to use its nearest ancestor's
 */
@Schema(name = "NewUnit")
public record UnitBody(
        @Schema(required = true, examples = "HALL-SZ-001") String code,
        @Schema(required = true, examples = "Shenzhen Futian service hall") String name,
        @Schema(required = true) UnitType type,
        @Schema(format = "uuid") String parentId,
        @Schema(format = "uuid") String calendarId) {}
