package org.sqm.commons.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * A call to another application failed: the other application's answer, with its name. A service
 * reports it as the dependency's problem (never as if the caller's own resource were at fault); the
 * gateway, whose whole job is to front the services, passes the service's answer on.
 */
public class RemoteCallException extends RuntimeException {

    private final String service;
    private final StatusRuntimeException status;

    public RemoteCallException(String service, StatusRuntimeException status) {
        super(
                service + " answered " + status.getStatus().getCode() + ": "
                        + status.getStatus().getDescription(),
                status,
                false,
                false);
        this.service = service;
        this.status = status;
    }

    /** The name of the application that was called, e.g. {@code standards-service}. */
    public String service() {
        return service;
    }

    /** What the other application (or the transport) answered. */
    public StatusRuntimeException status() {
        return status;
    }

    public Status.Code code() {
        return status.getStatus().getCode();
    }

    /** The ErrorInfo reason the other application gave, or empty when it gave none. */
    public String reason() {
        com.google.rpc.Status details = StatusProto.fromThrowable(status);
        if (details == null) {
            return "";
        }
        return details.getDetailsList().stream()
                .filter(any -> any.is(com.google.rpc.ErrorInfo.class))
                .map(any -> {
                    try {
                        return any.unpack(com.google.rpc.ErrorInfo.class).getReason();
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        return "";
                    }
                })
                .findFirst()
                .orElse("");
    }

    /**
     * True when the call did not get an answer from the application: UNAVAILABLE, DEADLINE_EXCEEDED,
     * or an INTERNAL without status details. Our applications answer every failure of their own through
     * GrpcErrorMapper, an INTERNAL always with an ErrorInfo; an INTERNAL without one was made by the
     * transport (grpc-java's client reports a reset stream or a broken HTTP/2 connection so).
     */
    public boolean unanswered() {
        return RemoteCalls.unreachable(status) || code() == Status.Code.DEADLINE_EXCEEDED;
    }
}
