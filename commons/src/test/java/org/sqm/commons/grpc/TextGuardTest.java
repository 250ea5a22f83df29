package org.sqm.commons.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.commons.error.FieldViolation;

/** Regression (fuzzing): NUL characters in any string field, at any depth, are named before a service sees them. */
class TextGuardTest {

    @Test
    void nulCharactersAreFoundAtAnyDepth() {
        Struct message = Struct.newBuilder()
                .putFields("fine", Value.newBuilder().setStringValue("ok").build())
                .putFields("bad", Value.newBuilder().setStringValue("a\0b").build())
                .build();
        List<FieldViolation> violations = new ArrayList<>();
        TextGuard.scan(message, "", violations);
        assertEquals(1, violations.size());
        assertEquals("must not contain the NUL character", violations.get(0).description());
        List<FieldViolation> none = new ArrayList<>();
        TextGuard.scan(Value.newBuilder().setStringValue("plain ✓ text").build(), "", none);
        assertEquals(List.of(), none);
    }
}
