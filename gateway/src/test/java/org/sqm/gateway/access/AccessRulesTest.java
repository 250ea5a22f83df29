package org.sqm.gateway.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation names the RPC it stands for, and the OpenAPI document states who may call it,
 * generated from that RPC's proto option: a new endpoint without {@code x-sqm-rpc} fails here.
 */
@QuarkusTest
class AccessRulesTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyApiOperationNamesAnExistingRpcAndIsBehindTheBearerScheme() throws Exception {
        JsonNode openApi = openApi();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode rpc = op.getValue().get(RpcRule.EXTENSION);
                if (rpc == null) {
                    problems.add(where + " names no x-sqm-rpc");
                    continue;
                }
                List<String> rpcs = new ArrayList<>();
                if (rpc.isTextual()) {
                    rpcs.add(rpc.asText());
                } else if (rpc.isObject() && rpc.size() > 0 && path.getKey().contains("{verb}")) {
                    rpc.forEach(r -> rpcs.add(r.asText()));
                } else {
                    problems.add(where + " has x-sqm-rpc " + rpc + ": an RPC, or verb -> RPC on a {verb} path");
                }
                rpcs.stream()
                        .filter(r -> !Rpcs.exists(r))
                        .forEach(r -> problems.add(where + " names " + r + ", which no proto declares"));
                // An RPC whose proto is not ours names the RPC whose rule applies (x-sqm-access-of).
                JsonNode accessOf = op.getValue().get(RpcRule.ACCESS_OF);
                if (accessOf != null && !Rpcs.exists(accessOf.asText())) {
                    problems.add(where + " takes the rule of " + accessOf.asText() + ", which no proto declares");
                }
                boolean stated = !rpcs.isEmpty()
                        && rpcs.stream().allMatch(r -> Rpcs.access(accessOf == null ? r : accessOf.asText())
                                .isPresent());
                if (stated
                        && (!op.getValue().has(AccessDocumentation.ROLES)
                                || !op.getValue().has(AccessDocumentation.SCOPE))) {
                    problems.add(where + " has no x-sqm-roles or x-sqm-scope although its RPC states its roles");
                }
                if (!op.getValue().path("description").asText().contains("Roles: ")) {
                    problems.add(where + " says no Roles in its description");
                }
                if (!op.getValue().path("security").toString().contains("\"bearer\"")) {
                    problems.add(where + " is not behind the bearer scheme");
                }
                if (!op.getValue().path("responses").has("403")) {
                    problems.add(where + " documents no 403");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(operations > 100, "found only " + operations + " operations");
        assertEquals(
                "bearer",
                openApi.at("/components/securitySchemes/bearer/scheme").asText(),
                openApi.at("/components/securitySchemes").toString());
    }

    @Test
    void operationsOfAForeignProtoTakeTheRuleOfTheRpcTheyName() throws Exception {
        // google.longrunning.Operations cannot carry the option; scoring-service applies RecomputeScorecards' rule.
        JsonNode get = openApi().at("/paths/~1api~1v1~1operations~1{id}/get");
        assertEquals(
                "google.longrunning.Operations/GetOperation",
                get.get(RpcRule.EXTENSION).asText());
        assertEquals(
                "sqm.scoring.v1.ScorecardService/RecomputeScorecards",
                get.get(RpcRule.ACCESS_OF).asText());
        assertTrue(get.get("description").asText().contains("RecomputeScorecards"), get.toString());
        assertEquals(
                Rpcs.access("sqm.scoring.v1.ScorecardService/RecomputeScorecards")
                        .isPresent(),
                get.has(AccessDocumentation.ROLES),
                get.toString());
    }

    @Test
    void rolesComeFromTheProtoOptionOfTheRpc() throws Exception {
        // AuditService.ListAuditEvents states its roles in audit.proto: administrator, quality manager.
        JsonNode audit = openApi().at("/paths/~1api~1v1~1auditEvents/get");
        assertEquals(
                "sqm.common.v1.AuditService/ListAuditEvents",
                audit.get(RpcRule.EXTENSION).asText());
        assertEquals(List.of("administrator", "quality-manager"), texts(audit.get(AccessDocumentation.ROLES)));
        assertEquals("NONE", audit.get(AccessDocumentation.SCOPE).asText());
        assertTrue(
                audit.get("description").asText().endsWith("Roles: administrator, quality-manager."),
                audit.get("description").asText());
    }

    @Test
    void aStateChangeNamesOneRpcPerVerbAndStatesRolesPerVerb() throws Exception {
        JsonNode change = openApi().at("/paths/~1api~1v1~1inspections~1{id}:{verb}/post");
        assertEquals(
                "sqm.inspection.v1.InspectionService/StartInspection",
                change.at("/x-sqm-rpc/start").asText(),
                change.toString());
        assertEquals(
                "sqm.inspection.v1.InspectionService/FinalizeInspection",
                change.at("/x-sqm-rpc/finalize").asText());
        if (Rpcs.access("sqm.inspection.v1.InspectionService/StartInspection").isPresent()) {
            // Once inspection's protos state their roles (each service's branch adds them).
            assertTrue(change.get(AccessDocumentation.ROLES).has("start"), change.toString());
            assertTrue(change.get(AccessDocumentation.SCOPE).has("finalize"), change.toString());
        } else {
            assertTrue(change.get("description").asText().contains("the service decides"), change.toString());
        }
        assertFalse(change.get("description").asText().isBlank());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static JsonNode openApi() throws Exception {
        String json = given().accept("application/json")
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new ObjectMapper().readTree(json);
    }
}
