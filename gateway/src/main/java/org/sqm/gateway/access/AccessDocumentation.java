package org.sqm.gateway.access;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.sqm.commons.auth.Roles;
import org.sqm.gateway.error.Problem;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.UnitScope;

/**
 * States in the OpenAPI document who may call each {@code /api} operation, generated from the proto
 * option of the RPC the operation names ({@code x-sqm-rpc}, see {@link RpcRule}): {@code x-sqm-roles}
 * (token groups), {@code x-sqm-scope} ({@code UNIT}: cut to the caller's units for the unit-scoped
 * roles; {@code NONE}), a line "Roles: …" in the description, the bearer security requirement and the
 * 401 and 403 answers. A state-change operation states them per verb (objects keyed by verb). An RPC
 * whose proto states no rule (google.longrunning.Operations: not our proto) gets no x-sqm-roles; its
 * service decides.
 */
@OpenApiFilter
public class AccessDocumentation implements OASFilter {

    public static final String ROLES = "x-sqm-roles";
    public static final String SCOPE = "x-sqm-scope";
    static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(
                SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A JWT from the identity provider; its groups claim holds the roles, its "
                                + "units claim the units the caller acts for (docs/authorisation.md)."));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(AccessDocumentation::document);
            }
        });
    }

    private static void document(Operation operation) {
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        responses(operation);
        Optional<RpcRule> rule = RpcRule.of(operation.getExtensions());
        if (rule.isEmpty()) {
            return;
        }
        String line;
        if (rule.get().byVerb()) {
            Map<String, Object> roles = new LinkedHashMap<>();
            Map<String, Object> scopes = new LinkedHashMap<>();
            Map<String, List<String>> verbsByRoles = new LinkedHashMap<>();
            rule.get().rpcs().forEach((verb, rpc) -> {
                Optional<Access> access = Rpcs.access(rule.get().decider(rpc));
                access.ifPresent(a -> {
                    roles.put(verb, groups(a));
                    scopes.put(verb, scope(a));
                });
                verbsByRoles
                        .computeIfAbsent(describe(access), k -> new ArrayList<>())
                        .add(verb);
            });
            if (!roles.isEmpty()) {
                operation.addExtension(ROLES, roles);
                operation.addExtension(SCOPE, scopes);
            }
            line = "Roles: "
                    + verbsByRoles.entrySet().stream()
                            .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
                            .collect(Collectors.joining("; "))
                    + ".";
        } else {
            Optional<Access> access =
                    Rpcs.access(rule.get().decider(rule.get().rpc(null).orElseThrow()));
            access.ifPresent(a -> {
                operation.addExtension(ROLES, groups(a));
                operation.addExtension(SCOPE, scope(a));
            });
            line = "Roles: " + describe(access)
                    + (rule.get().accessOf() == null
                            ? ""
                            : " (the rule of " + rule.get().accessOf() + ")")
                    + ".";
        }
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
    }

    private static List<String> groups(Access access) {
        return access.getRolesList().stream().map(Roles::group).toList();
    }

    private static String scope(Access access) {
        return access.getScope() == UnitScope.UNIT_SCOPE_UNIT ? "UNIT" : "NONE";
    }

    private static String describe(Optional<Access> access) {
        if (access.isEmpty()) {
            // e.g. google.longrunning.Operations, whose proto is not ours: its service states the rule in code.
            return "not stated in the RPC's proto; the service decides";
        }
        if (access.get().getRolesCount() == 0) {
            return "none (service tokens only)";
        }
        String roles = String.join(", ", groups(access.get()));
        List<String> cut = access.get().getRolesList().stream()
                .filter(Roles.UNIT_SCOPED::contains)
                .map(Roles::group)
                .toList();
        return access.get().getScope() == UnitScope.UNIT_SCOPE_UNIT && !cut.isEmpty()
                ? roles + " (" + String.join(", ", cut) + ": only for their units and those below)"
                : roles;
    }

    private static void responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse(
                    "401",
                    OASFactory.createAPIResponse()
                            .description(
                                    "No bearer token, or one that is invalid or expired (WWW-Authenticate: Bearer)")
                            .content(problem()));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse(
                    "403",
                    OASFactory.createAPIResponse()
                            .description("The token holds none of the roles this operation needs")
                            .content(problem()));
        }
    }

    private static Content problem() {
        MediaType body =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, body);
    }
}
