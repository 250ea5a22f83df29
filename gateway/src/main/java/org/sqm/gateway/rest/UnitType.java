package org.sqm.gateway.rest;

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
