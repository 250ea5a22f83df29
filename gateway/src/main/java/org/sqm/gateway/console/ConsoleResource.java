package org.sqm.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sqm.commons.auth.Roles;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.error.ProblemMapper;
import org.sqm.proto.common.v1.Role;

/**
 * The console's sign-in options and its DEVELOPMENT login: with {@code sqm.console.dev-login.key-location}
 * set (the local run sets it; Kubernetes never does) the gateway mints a token for a chosen role and
 * units, so people can try the console without an identity provider. Not part of the public API: left
 * out of the OpenAPI document, outside {@code /api} (no token needed to ask for one).
 */
@Path("/console")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    /** The roles a development token can hold, as tokens spell them. */
    static final List<String> ROLES = Arrays.stream(Role.values())
            .filter(r -> r != Role.ROLE_UNSPECIFIED && r != Role.UNRECOGNIZED)
            .map(Roles::group)
            .toList();

    /**
     * How the console may sign in.
     *
     * @param devLogin whether this gateway mints development tokens
     * @param roles    the roles one can ask a development token for
     */
    public record SessionOptions(boolean devLogin, List<String> roles) {}

    /**
     * A request for a development token.
     *
     * @param role  one of {@link SessionOptions#roles()}
     * @param units the units the token acts for; required for the unit-scoped roles
     */
    public record DevTokenBody(String role, List<String> units) {}

    /**
     * A development token.
     *
     * @param token     the bearer token
     * @param expiresAt when it expires (RFC 3339)
     */
    public record DevToken(String token, String expiresAt) {}

    private final DevTokenMinter minter;
    private final ObjectMapper json;

    public ConsoleResource(DevTokenMinter minter, ObjectMapper json) {
        this.minter = minter;
        this.json = json;
    }

    @GET
    @Path("/session-options")
    @Operation(hidden = true)
    public SessionOptions sessionOptions() {
        return new SessionOptions(minter.enabled(), minter.enabled() ? ROLES : List.of());
    }

    @POST
    @Path("/dev-token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response devToken(DevTokenBody body, @Context UriInfo uri) {
        if (!minter.enabled()) {
            return problem(ProblemMapper.problem(
                    404,
                    "DEV_LOGIN_DISABLED",
                    "This gateway does not mint development tokens (sqm.console.dev-login.key-location is not set): "
                            + "sign in with a token from the identity provider.",
                    uri.getPath()));
        }
        String role = body == null || body.role() == null ? "" : body.role().trim();
        if (role.isEmpty()) {
            throw new InvalidRequestException("role", "is required: one of " + String.join(", ", ROLES));
        }
        Optional<Role> known = Roles.of(role);
        if (known.isEmpty()) {
            throw new InvalidRequestException(
                    "role", "\"" + role + "\" is no role; the roles are " + String.join(", ", ROLES));
        }
        List<String> units = body.units() == null ? List.of() : body.units();
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i) == null || units.get(i).isBlank()) {
                throw new InvalidRequestException("units[" + i + "]", "is empty; name a unit id");
            }
        }
        units = units.stream().map(String::trim).distinct().toList();
        if (units.isEmpty() && Roles.UNIT_SCOPED.contains(known.get())) {
            throw new InvalidRequestException("units", "a " + role + " acts for units: name at least one unit id");
        }
        DevTokenMinter.Minted minted = minter.mint(role, units);
        return Response.ok(new DevToken(minted.token(), minted.expiresAt().toString()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    private Response problem(Problem problem) {
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
