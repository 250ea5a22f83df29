package org.sqm.gateway.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.sqm.commons.auth.Roles;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.error.ProblemMapper;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.Role;

/**
 * The roles check at the REST door: a caller whose token holds none of the roles that the operation's
 * RPC states in its proto ({@link RpcRule}, {@link Rpcs}) is refused 403 {@code PERMISSION_DENIED}
 * before the gateway reads or validates anything of the request, so a forbidden caller never learns
 * which input would be valid. A service token ({@code service} group) passes. The services check again
 * (and cut to units): this is the early answer, not the only lock. An RPC that states no rule is left
 * to its service, which refuses it to people.
 */
public class AccessFilter {

    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final Map<Method, Optional<RpcRule>> rules = new ConcurrentHashMap<>();

    public AccessFilter(CurrentIdentityAssociation identities, ObjectMapper json) {
        this.identities = identities;
        this.json = json;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        Optional<RpcRule> rule = rules.computeIfAbsent(method, RpcRule::of);
        Optional<Set<Role>> allowed = rule.flatMap(r -> allowed(r, request));
        if (rule.isPresent() && allowed.isEmpty()) {
            return null;
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || mayCall(identity, allowed.orElse(Set.of()))) {
                // Anonymous: the authentication policy answers 401.
                return null;
            }
            return refuse(request, allowed.orElse(Set.of()));
        });
    }

    /**
     * The roles that may make this request; empty when an RPC it stands for states no rule (its service
     * decides). For an unknown verb, every verb's roles: such a caller then learns only that the verb
     * does not exist.
     */
    private static Optional<Set<Role>> allowed(RpcRule rule, ContainerRequestContext request) {
        List<String> verbs = request.getUriInfo().getPathParameters().get("verb");
        Collection<String> rpcs = rule.rpc(verbs == null || verbs.isEmpty() ? null : verbs.get(0))
                .map(List::of)
                .map(Collection.class::cast)
                .orElse(rule.all());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String rpc : rpcs) {
            Optional<Access> access = Rpcs.access(rule.decider(rpc));
            if (access.isEmpty()) {
                return Optional.empty();
            }
            roles.addAll(access.get().getRolesList());
        }
        return Optional.of(roles);
    }

    private static boolean mayCall(SecurityIdentity identity, Set<Role> allowed) {
        Set<String> groups = identity.getRoles();
        return groups.contains(Roles.SERVICE) || Roles.of(groups).stream().anyMatch(allowed::contains);
    }

    private Response refuse(ContainerRequestContext request, Set<Role> allowed) {
        String detail = allowed.isEmpty()
                ? "This operation is not open to people."
                : "This operation needs one of the roles "
                        + allowed.stream().map(Roles::group).collect(Collectors.joining(", "))
                        + ".";
        Problem problem = ProblemMapper.problem(
                403, "PERMISSION_DENIED", detail, request.getUriInfo().getPath());
        try {
            return Response.status(403)
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
