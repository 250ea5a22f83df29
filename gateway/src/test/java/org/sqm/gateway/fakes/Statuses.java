package org.sqm.gateway.fakes;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Failures as our services answer them (a status with an ErrorInfo), and as the transport makes them. */
public final class Statuses {

    private Statuses() {}

    /** A failure with the service's ErrorInfo and any further details. */
    public static StatusRuntimeException status(Code code, String reason, String message, Message... details) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain("fake.sqm.org")
                        .build()));
        for (Message detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** INVALID_ARGUMENT naming each field of the gRPC request: pairs of field path and description. */
    public static StatusRuntimeException invalid(String... fieldsAndDescriptions) {
        BadRequest.Builder bad = BadRequest.newBuilder();
        for (int i = 0; i < fieldsAndDescriptions.length; i += 2) {
            bad.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(fieldsAndDescriptions[i])
                    .setDescription(fieldsAndDescriptions[i + 1]));
        }
        return status(Code.INVALID_ARGUMENT, "INVALID_FIELDS", "invalid fields", bad.build());
    }

    /** What grpc-java's client reports for a reset stream: INTERNAL without the service's details. */
    public static StatusRuntimeException transportReset() {
        return io.grpc.Status.INTERNAL
                .withDescription("RST_STREAM closed stream. HTTP/2 error code: PROTOCOL_ERROR")
                .asRuntimeException();
    }
}
