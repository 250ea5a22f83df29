package org.sqm.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.client.RemoteCalls;

/**
 * The one place where failures become HTTP answers: every gRPC status maps to the HTTP status of
 * {@code google/rpc/code.proto}, and every answer is an RFC 9457 problem. 5xx answers say nothing
 * internal; the cause is logged under an incident id that the answer carries.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The HTTP status for a gRPC code, after google/rpc/code.proto, with one deviation explained inside. */
    public static int httpStatus(Status.Code code) {
        return switch (code) {
            case OK -> 200;
            case CANCELLED -> 499;
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
                // code.proto says 400 for FAILED_PRECONDITION; a request that clashes with the resource's
                // current state (a forbidden transition) is what HTTP calls a conflict, and our clients switch on 409.
            case FAILED_PRECONDITION, ABORTED, ALREADY_EXISTS -> 409;
            case DEADLINE_EXCEEDED -> 504;
            case NOT_FOUND -> 404;
            case PERMISSION_DENIED -> 403;
            case UNAUTHENTICATED -> 401;
            case RESOURCE_EXHAUSTED -> 429;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
        };
    }

    /**
     * A backend call failed: the gateway fronts the services, so the service's answer is the
     * client's answer (a NOT_FOUND stays 404), not a failure of a dependency.
     */
    @ServerExceptionMapper
    public Response fromRemoteCall(RemoteCallException e, UriInfo uri) {
        return fromGrpc(e.status(), uri);
    }

    @ServerExceptionMapper
    public Response fromGrpc(StatusRuntimeException e, UriInfo uri) {
        // A call that never reached the backend (a reset stream answers INTERNAL) is UNAVAILABLE: 503.
        Status.Code code = RemoteCalls.unreachable(e)
                ? Status.Code.UNAVAILABLE
                : e.getStatus().getCode();
        com.google.rpc.Status details = StatusProto.fromThrowable(e);
        int status = httpStatus(code);
        List<Problem.FieldError> errors = new ArrayList<>();
        String reason = details == null ? code.name() : readDetails(details, code, errors);
        if (status >= 500) {
            return serverFailure(status, code, uri, e);
        }
        String detail = e.getStatus().getDescription() != null ? e.getStatus().getDescription() : code.name();
        Response answer =
                problem(new Problem(type(reason), title(status), status, detail, uri.getPath(), reason, errors));
        // A service refused the forwarded token (it expired on the way, or the service trusts another key):
        // the client is told how to authenticate, as for the gateway's own 401.
        return status == 401
                ? Response.fromResponse(answer)
                        .header(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .build()
                : answer;
    }

    @ServerExceptionMapper
    public Response fromInvalidRequest(InvalidRequestException e, UriInfo uri) {
        return problem(new Problem(
                type("INVALID_FIELDS"),
                title(400),
                400,
                e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")),
                uri.getPath(),
                "INVALID_FIELDS",
                e.errors()));
    }

    @ServerExceptionMapper
    public Response fromMismatchedJson(MismatchedInputException e, UriInfo uri) {
        return fromJson(e, uri);
    }

    @ServerExceptionMapper
    public Response fromJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? jme.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                : "body";
        String message = e instanceof JsonMappingException && !"body".equals(field)
                ? "has the wrong type or is not allowed here"
                : "is not well-formed JSON";
        return problem(new Problem(
                type("MALFORMED_BODY"),
                title(400),
                400,
                field + ": " + message,
                uri.getPath(),
                "MALFORMED_BODY",
                List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response fromWebApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return fromJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverFailure(status, null, uri, e);
        }
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).name()
                : "HTTP_" + status;
        return problem(
                new Problem(type(reason), title(status), status, title(status), uri.getPath(), reason, List.of()));
    }

    /** No bearer token where one is required, or one that fails verification: 401 with a Bearer challenge. */
    @ServerExceptionMapper({
        io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class
    })
    public Response fromUnauthenticated(RuntimeException e, UriInfo uri) {
        boolean failed = e instanceof io.quarkus.security.AuthenticationFailedException;
        String reason = failed ? "INVALID_TOKEN" : "UNAUTHENTICATED";
        String detail = failed
                ? "The bearer token is invalid or expired."
                : "Send a bearer token from the identity provider in the Authorization header.";
        return Response.fromResponse(
                        problem(new Problem(type(reason), title(401), 401, detail, uri.getPath(), reason, List.of())))
                .header(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response fromForbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(new Problem(
                type("PERMISSION_DENIED"),
                title(403),
                403,
                "Not allowed for this caller.",
                uri.getPath(),
                "PERMISSION_DENIED",
                List.of()));
    }

    @ServerExceptionMapper
    public Response fromAnythingElse(Exception e, UriInfo uri) {
        return serverFailure(500, null, uri, e);
    }

    private Response serverFailure(int status, Status.Code code, UriInfo uri, Throwable cause) {
        String incident = UUID.randomUUID().toString();
        String detail =
                switch (status) {
                            case 503 -> "A backend service is unavailable; try again shortly.";
                            case 504 -> "A backend service did not answer in time; try again shortly.";
                            case 501 -> "This operation is not implemented.";
                            default -> "The request could not be completed.";
                        } + " Incident " + incident + ".";
        if (status == 503 || status == 504) {
            LOG.warnf("Incident %s: %s %s", incident, uri.getPath(), cause.toString());
        } else {
            LOG.errorf(cause, "Incident %s: %s", incident, uri.getPath());
        }
        String reason = code != null ? code.name() : "INTERNAL";
        return problem(new Problem(type(reason), title(status), status, detail, uri.getPath(), reason, List.of()));
    }

    /**
     * Reads a service's {@code google.rpc.Status} details: adds its field violations (in REST's field
     * names) and precondition failures to errors; answers its ErrorInfo reason, else the code's name.
     */
    private static String readDetails(
            com.google.rpc.Status details, Status.Code code, List<Problem.FieldError> errors) {
        String reason = code.name();
        for (var any : details.getDetailsList()) {
            try {
                if (any.is(ErrorInfo.class)) {
                    reason = any.unpack(ErrorInfo.class).getReason();
                } else if (any.is(BadRequest.class)) {
                    any.unpack(BadRequest.class)
                            .getFieldViolationsList()
                            .forEach(v ->
                                    errors.add(new Problem.FieldError(restField(v.getField()), v.getDescription())));
                } else if (any.is(PreconditionFailure.class)) {
                    any.unpack(PreconditionFailure.class)
                            .getViolationsList()
                            .forEach(v -> errors.add(new Problem.FieldError(v.getSubject(), v.getDescription())));
                }
            } catch (InvalidProtocolBufferException ignored) {
                // Details we cannot read add nothing the status does not already say.
            }
        }
        return reason;
    }

    /**
     * The problem of one item of a batch that a service refused, from the item's {@code google.rpc.Status}
     * (its field paths name the item, {@code requests[i].…}). A 5xx says nothing internal, as a whole
     * call's does.
     */
    public static Problem itemProblem(com.google.rpc.Status status, String instance) {
        Status.Code code = Status.fromCodeValue(status.getCode()).getCode();
        int http = httpStatus(code);
        List<Problem.FieldError> errors = new ArrayList<>();
        String reason = readDetails(status, code, errors);
        if (http >= 500) {
            return new Problem(
                    type(reason),
                    title(http),
                    http,
                    http == 503 || http == 504
                            ? "A backend service is unavailable; try this item again shortly."
                            : "This item could not be recorded.",
                    instance,
                    reason,
                    List.of());
        }
        return new Problem(type(reason), title(http), http, status.getMessage(), instance, reason, errors);
    }

    /** A problem without field errors, for refusals made before a resource is reached (the edge limits). */
    public static Problem problem(int status, String reason, String detail, String instance) {
        return problem(status, reason, detail, instance, List.of());
    }

    /** A problem with field errors, for an item of a batch the gateway refuses in its place. */
    public static Problem problem(
            int status, String reason, String detail, String instance, List<Problem.FieldError> errors) {
        return new Problem(type(reason), title(status), status, detail, instance, reason, errors);
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

    /**
     * Translates a field path of a gRPC request into the REST request's terms: the body is the
     * resource itself, so its wrapper ({@code unit.}) goes; names become lowerCamelCase; the request
     * id travels in the Idempotency-Key header and the etag in If-Match; the update mask is the set
     * of fields in the body.
     */
    static String restField(String grpcField) {
        if (grpcField.equals("request_id")) {
            return "Idempotency-Key";
        }
        // "unit.name" names a field of the request's resource, which is the REST body itself; but
        // "ratings[0].level_code" starts with a list of the body and keeps it.
        int dot = grpcField.indexOf('.');
        String path = dot > 0 && grpcField.lastIndexOf('[', dot) < 0 ? grpcField.substring(dot + 1) : grpcField;
        if (path.equals("etag")) {
            return "If-Match";
        }
        if (path.equals("update_mask")) {
            return "body";
        }
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : path.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String type(String reason) {
        return "urn:sqm:problem:" + reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String title(int status) {
        if (status == 499) {
            return "Client Closed Request";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
