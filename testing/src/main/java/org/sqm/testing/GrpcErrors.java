package org.sqm.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** Reads the rich error details (google.rpc.ErrorInfo, BadRequest, PreconditionFailure) a service sent with a failed call. */
public final class GrpcErrors {

    private GrpcErrors() {}

    public static ErrorInfo errorInfo(StatusRuntimeException e) {
        return detail(e, ErrorInfo.class);
    }

    /** The paths of the invalid fields, in the order the service reported them. */
    public static List<String> violatedFields(StatusRuntimeException e) {
        return detail(e, BadRequest.class).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }

    /** The subjects of a FAILED_PRECONDITION's violations (google.rpc.PreconditionFailure), in order. */
    public static List<String> preconditionSubjects(StatusRuntimeException e) {
        return detail(e, PreconditionFailure.class).getViolationsList().stream()
                .map(PreconditionFailure.Violation::getSubject)
                .toList();
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status details in " + e);
        }
        try {
            for (var any : status.getDetailsList()) {
                if (any.is(type)) {
                    return any.unpack(type);
                }
            }
        } catch (InvalidProtocolBufferException ex) {
            throw new AssertionError("unreadable error details", ex);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the details of " + e);
    }
}
