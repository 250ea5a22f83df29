package org.sqm.commons.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.DomainException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;

/**
 * The one error path of every service: a domain exception becomes its canonical gRPC status with a
 * {@code google.rpc.ErrorInfo} (and {@code google.rpc.BadRequest} for invalid fields); the connection
 * pool exhausted (Agroal's acquisition timeout) becomes UNAVAILABLE {@code DATABASE_BUSY}; anything
 * else becomes INTERNAL with an opaque incident id, logged here, never a stack trace on the wire.
 */
@ApplicationScoped
public class GrpcErrorMapper implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(GrpcErrorMapper.class);

    private final String domain;

    public GrpcErrorMapper(@ConfigProperty(name = "quarkus.application.name") String domain) {
        this.domain = domain;
    }

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(
            ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> serverCall, Metadata metadata) {
        return new ExceptionHandler<>(listener, serverCall, metadata) {
            @Override
            protected void handleException(Throwable t, ServerCall<ReqT, RespT> call, Metadata md) {
                StatusException se = toStatusException(t);
                call.close(se.getStatus(), se.getTrailers() != null ? se.getTrailers() : md);
            }
        };
    }

    @Override
    public Throwable transform(Throwable t) {
        return toStatusException(t);
    }

    /** Maps any throwable to the status a client sees. */
    public StatusException toStatusException(Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof StatusException se) {
            return se;
        }
        if (cause instanceof StatusRuntimeException sre) {
            return new StatusException(sre.getStatus(), sre.getTrailers());
        }
        if (cause instanceof DomainException de) {
            return StatusProto.toStatusException(toStatus(de));
        }
        if (cause instanceof RemoteCallException rce) {
            return StatusProto.toStatusException(toStatus(rce));
        }
        if (poolExhausted(t)) {
            // Load, not a bug: the caller may retry; the log says so once, without a stack trace.
            LOG.warnf("No database connection within the pool's acquisition timeout: %s", t);
            return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.UNAVAILABLE_VALUE)
                    .setMessage("the database is busy; try again shortly")
                    .addDetails(Any.pack(ErrorInfo.newBuilder()
                            .setReason("DATABASE_BUSY")
                            .setDomain(domain)
                            .build()))
                    .build());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(cause, "Unexpected failure, incident %s", incident);
        return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INTERNAL_VALUE)
                .setMessage("internal error, incident " + incident)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason("INTERNAL")
                        .setDomain(domain)
                        .putMetadata("incident", incident)
                        .build()))
                .build());
    }

    /**
     * The trailers carry the message and the details; HTTP/2 peers refuse header blocks above 8 KiB
     * (grpc-java's default limit), which would turn a caller's mistake into a protocol error. Errors
     * echo what the caller sent, so every text is cut, and violations past the budget are summed up.
     */
    static final int MAX_TEXT = 300;

    static final int DETAILS_BUDGET = 3_000;

    private static String cut(String text) {
        String t = String.valueOf(text);
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT) + "…";
    }

    private com.google.rpc.Status toStatus(DomainException e) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(codeOf(e).getNumber())
                .setMessage(cut(e.getMessage()))
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(e.reason())
                        .setDomain(domain)
                        .putAllMetadata(e.metadata().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        m -> cut(m.getKey()), m -> cut(m.getValue()), (a, b) -> a)))
                        .build()));
        if (e instanceof InvalidArgumentException iae) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            int shown = 0;
            for (var v : iae.violations()) {
                if (badRequest.build().getSerializedSize() > DETAILS_BUDGET) {
                    break;
                }
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(cut(v.field()))
                        .setDescription(cut(v.description())));
                shown++;
            }
            if (shown < iae.violations().size()) {
                badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("…")
                        .setDescription((iae.violations().size() - shown) + " more invalid fields not listed"));
            }
            status.addDetails(Any.pack(badRequest.build()));
        }
        if (e instanceof FailedPreconditionException fpe && !fpe.violations().isEmpty()) {
            PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
            for (var v : fpe.violations()) {
                if (failure.build().getSerializedSize() > DETAILS_BUDGET) {
                    break;
                }
                failure.addViolations(PreconditionFailure.Violation.newBuilder()
                        .setType(e.reason())
                        .setSubject(cut(v.field()))
                        .setDescription(cut(v.description())));
            }
            status.addDetails(Any.pack(failure.build()));
        }
        return status.build();
    }

    /**
     * Another application failed this call: its failure is reported as the dependency's, never as
     * the caller's (a standards-service NOT_FOUND for a calendar is not the caller's complaint
     * missing). Unanswered calls are UNAVAILABLE (try again later); an answer is FAILED_PRECONDITION:
     * the system is not in a state in which the call can succeed.
     */
    private com.google.rpc.Status toStatus(RemoteCallException e) {
        boolean unanswered = e.unanswered();
        String description = e.status().getStatus().getDescription();
        String message = unanswered
                ? e.service() + " did not answer (" + e.code() + "); try again later"
                : e.service() + " could not do what this call needs: " + e.code()
                        + (description == null ? "" : " " + description);
        ErrorInfo.Builder info = ErrorInfo.newBuilder()
                .setReason(unanswered ? "DEPENDENCY_UNAVAILABLE" : "DEPENDENCY_FAILED")
                .setDomain(domain)
                .putMetadata("service", e.service())
                .putMetadata("code", e.code().name());
        if (!e.reason().isEmpty()) {
            info.putMetadata("reason", cut(e.reason()));
        }
        return com.google.rpc.Status.newBuilder()
                .setCode(unanswered ? Code.UNAVAILABLE_VALUE : Code.FAILED_PRECONDITION_VALUE)
                .setMessage(cut(message))
                .addDetails(Any.pack(info.build()))
                .build();
    }

    private static Code codeOf(DomainException e) {
        if (e instanceof InvalidArgumentException) {
            return Code.INVALID_ARGUMENT;
        } else if (e instanceof NotFoundException) {
            return Code.NOT_FOUND;
        } else if (e instanceof AlreadyExistsException) {
            return Code.ALREADY_EXISTS;
        } else if (e instanceof ConcurrentModificationException) {
            return Code.ABORTED;
        } else if (e instanceof FailedPreconditionException) {
            return Code.FAILED_PRECONDITION;
        }
        return Code.INTERNAL;
    }

    /** What Agroal throws when no connection of an exhausted pool came free within its acquisition timeout. */
    static final String ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    /** Whether the failure is the connection pool's acquisition timeout, however wrapped. */
    static boolean poolExhausted(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof SQLException && ACQUISITION_TIMEOUT.equals(c.getMessage())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    // Transactions and CDI interceptors may wrap the domain exception; the innermost one decides.
    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (!(current instanceof DomainException)
                && !(current instanceof RemoteCallException)
                && !(current instanceof StatusException)
                && !(current instanceof StatusRuntimeException)
                && current.getCause() != null
                && current.getCause() != current) {
            current = current.getCause();
        }
        return current instanceof DomainException
                        || current instanceof RemoteCallException
                        || current instanceof StatusException
                        || current instanceof StatusRuntimeException
                ? current
                : t;
    }
}
