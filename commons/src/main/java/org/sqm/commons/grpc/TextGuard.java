package org.sqm.commons.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.InvalidArgumentException;

/**
 * Refuses text that no service can store: PostgreSQL text cannot hold the NUL character, so a string
 * field containing one is INVALID_ARGUMENT naming the field — checked once, for every method of
 * every service, before the request reaches it (found by the fuzzing suite, where it was INTERNAL).
 */
@ApplicationScoped
@GlobalInterceptor
public class TextGuard implements ServerInterceptor {

    private final GrpcErrorMapper errors;

    public TextGuard(GrpcErrorMapper errors) {
        this.errors = errors;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        ServerCall.Listener<ReqT> delegate = next.startCall(call, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            private boolean refused;

            @Override
            public void onMessage(ReqT message) {
                if (message instanceof Message m) {
                    List<FieldViolation> violations = new ArrayList<>();
                    scan(m, "", violations);
                    if (!violations.isEmpty()) {
                        refused = true;
                        StatusException e = errors.toStatusException(new InvalidArgumentException(violations));
                        call.close(e.getStatus(), e.getTrailers() != null ? e.getTrailers() : new Metadata());
                        return;
                    }
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    /** Adds a violation for every string field, at any depth, that holds a NUL character. */
    static void scan(Message message, String prefix, List<FieldViolation> violations) {
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            String path = prefix + field.getName();
            if (field.isRepeated()) {
                List<?> values = (List<?>) entry.getValue();
                for (int i = 0; i < values.size(); i++) {
                    check(field, values.get(i), path + "[" + i + "]", violations);
                }
            } else {
                check(field, entry.getValue(), path, violations);
            }
        }
    }

    private static void check(FieldDescriptor field, Object value, String path, List<FieldViolation> violations) {
        if (field.getJavaType() == FieldDescriptor.JavaType.STRING && ((String) value).indexOf('\0') >= 0) {
            violations.add(new FieldViolation(path, "must not contain the NUL character"));
        } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && value instanceof Message nested) {
            scan(nested, path + ".", violations);
        }
    }
}
