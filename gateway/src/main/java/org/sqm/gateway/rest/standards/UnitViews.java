package org.sqm.gateway.rest.standards;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of organisation units in the REST API. */
public final class UnitViews {

    private UnitViews() {}

    /** The kind of service a unit delivers or its level in the hierarchy. */
    public enum UnitType {
        COMPANY,
        CITY_BRANCH,
        COUNTY_BRANCH,
        SERVICE_HALL,
        HOTLINE,
        ONLINE_SERVICE,
        FIELD_TEAM,
        ACCOUNT_MANAGEMENT_TEAM
    }

    /**
     * The body of a request that creates a unit.
     *
     * @param code       the unit's business code, unique across units: 1 to 64 letters, digits, '.', '_', '-'
     * @param name       the display name, at most 200 characters
     * @param type       the unit's type
     * @param parentId   the id of the parent unit; absent for a root unit
     * @param calendarId the id of the unit's business calendar; absent to use its nearest ancestor's
     */
    @Schema(name = "NewUnit")
    public record UnitBody(
            @Schema(required = true, examples = "HALL-SZ-001") String code,
            @Schema(required = true, examples = "Shenzhen Futian service hall") String name,
            @Schema(required = true) UnitType type,
            @Schema(format = "uuid") String parentId,
            @Schema(format = "uuid") String calendarId) {}

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
}
