package org.sqm.commons.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.Role;

/**
 * The lock on every gRPC API: a call needs {@code authorization: Bearer <JWT>} signed with the configured
 * key by the configured issuer, unexpired; anything else is closed UNAUTHENTICATED before the service
 * sees it; a valid token without one of the roles the method states ({@code (sqm.common.v1.access)} in
 * its proto, read here from the method's descriptor) is closed PERMISSION_DENIED, and a method that
 * states none is for service tokens only. Health checks and reflection stay open. What the caller may
 * see travels on as {@link CallAccess}, with the call's request id ({@link RequestIds}). The verified caller travels in the gRPC context
 * ({@link Caller#current()}), which Quarkus carries onto the worker thread of a {@code @Blocking} service.
 */
@GlobalInterceptor
@ApplicationScoped
@Priority(Integer.MAX_VALUE)
public class IncomingTokenInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger LOG = Logger.getLogger(IncomingTokenInterceptor.class);
    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection");

    private final boolean enabled;
    private final JWTParser parser;

    public IncomingTokenInterceptor(AuthConfig config, JWTParser parser) {
        this.enabled = config.enabled();
        this.parser = parser;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        Context context =
                Context.current().withValue(RequestIds.KEY, RequestIds.accept(headers.get(RequestIds.METADATA)));
        if (!enabled || OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return Contexts.interceptCall(context, call, headers, next);
        }
        String header = headers.get(AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(call, Status.UNAUTHENTICATED, "Send a bearer token in the authorization metadata.");
        }
        Caller caller;
        try {
            caller = caller(parser.parse(header.substring(7).trim()));
        } catch (ParseException | RuntimeException e) {
            // Why a token failed is for the operator's log, not for the caller.
            LOG.debugf(
                    "refused a bearer token on %s: %s",
                    call.getMethodDescriptor().getFullMethodName(), e);
            return refuse(call, Status.UNAUTHENTICATED, "The bearer token is invalid or expired.");
        }
        String method = call.getMethodDescriptor().getFullMethodName();
        boolean service = caller.hasRole(Roles.SERVICE);
        Set<Role> granted = EnumSet.noneOf(Role.class);
        Optional<Access> access = Roles.access(call.getMethodDescriptor());
        if (!service) {
            access.ifPresent(rule -> {
                Set<Role> held = Roles.of(caller.groups());
                rule.getRolesList().stream().filter(held::contains).forEach(granted::add);
            });
            if (granted.isEmpty()) {
                // Locked unless stated: a method without an access rule is for service tokens only.
                return refuse(
                        call,
                        Status.PERMISSION_DENIED,
                        access.map(rule -> "This method needs one of the roles "
                                        + rule.getRolesList().stream()
                                                .map(Roles::group)
                                                .collect(Collectors.joining(", "))
                                        + ".")
                                .orElse("This method is not open to people."));
            }
        }
        return Contexts.interceptCall(
                context.withValue(Caller.KEY, caller)
                        .withValue(CallAccess.KEY, new CallAccess(caller, method, Set.copyOf(granted), service)),
                call,
                headers,
                next);
    }

    static Caller caller(JsonWebToken jwt) {
        List<String> units = new ArrayList<>();
        Object claim = jwt.getClaim("units");
        if (claim instanceof Iterable<?> values) {
            for (Object v : values) {
                units.add(unquote(String.valueOf(v)));
            }
        } else if (claim != null) {
            units.add(unquote(String.valueOf(claim)));
        }
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        return new Caller(subject, Set.copyOf(jwt.getGroups()), List.copyOf(units), jwt.getRawToken());
    }

    private static String unquote(String s) {
        // JSON-P strings print with their quotes.
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(
            ServerCall<ReqT, RespT> call, Status status, String description) {
        call.close(status.withDescription(description), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
