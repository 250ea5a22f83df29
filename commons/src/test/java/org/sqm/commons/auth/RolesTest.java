package org.sqm.commons.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.common.v1.Role;

class RolesTest {

    @Test
    void tokenGroupsSpellTheRolesInLowerCaseWithDashes() {
        assertEquals("quality-manager", Roles.group(Role.ROLE_QUALITY_MANAGER));
        assertEquals("public-reader", Roles.group(Role.ROLE_PUBLIC_READER));
        assertEquals(
                Set.of(Role.ROLE_COMPLAINT_HANDLER, Role.ROLE_VIEWER),
                Roles.of(Set.of("complaint-handler", "viewer", "service", "root")));
    }

    @Test
    void aMethodsAccessRuleIsReadFromItsProtoOption() {
        var rule = Roles.access(AuditServiceGrpc.getListAuditEventsMethod()).orElseThrow();
        assertEquals(List.of(Role.ROLE_ADMINISTRATOR, Role.ROLE_QUALITY_MANAGER), rule.getRolesList());
    }

    @Test
    void unitRolesAreCutToTheTokensUnitsAndOrganisationWideRolesAreNot() {
        UUID unit = UUID.randomUUID();
        Caller caller =
                new Caller("u", Set.of("unit-manager", "quality-manager"), List.of(unit.toString(), "nonsense"), "t");
        CallAccess asManager = new CallAccess(caller, "m", Set.of(Role.ROLE_UNIT_MANAGER), false);
        assertEquals(Set.of(unit), asManager.unitRoots().orElseThrow());
        assertFalse(asManager.seesPersonalData());
        assertTrue(asManager.onlyAsTheUnit());
        CallAccess asQualityManager =
                new CallAccess(caller, "m", Set.of(Role.ROLE_UNIT_MANAGER, Role.ROLE_QUALITY_MANAGER), false);
        assertTrue(asQualityManager.unrestricted());
        assertTrue(asQualityManager.unitRoots().isEmpty());
        assertTrue(asQualityManager.seesPersonalData());
        CallAccess asInspector = new CallAccess(caller, "m", Set.of(Role.ROLE_INSPECTOR), false);
        assertEquals("u", asInspector.inspectorSubject().orElseThrow());
        assertTrue(new CallAccess(caller, "m", Set.of(), true).unrestricted());
    }
}
