package org.sqm.commons.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.rpc.Code;
import org.junit.jupiter.api.Test;

class ProtoEnumsTest {

    /** A domain enum that knows some of the proto's values. */
    enum Sev {
        LOW,
        HIGH
    }

    @Test
    void namesLoseAndRegainTheirPrefix() {
        var low = org.sqm.proto.common.v1.Severity.SEVERITY_LOW;
        assertEquals("LOW", ProtoEnums.shortName(low));
        assertEquals(Sev.LOW, ProtoEnums.toDomain(low, Sev.class));
        assertEquals(low, ProtoEnums.toProto(Sev.LOW, org.sqm.proto.common.v1.Severity.class));
        assertEquals(low, ProtoEnums.fromShortName("LOW", org.sqm.proto.common.v1.Severity.class));
    }

    @Test
    void unspecifiedUnknownAndMissingAreNull() {
        assertNull(ProtoEnums.shortName(org.sqm.proto.common.v1.Severity.SEVERITY_UNSPECIFIED));
        assertNull(ProtoEnums.shortName(org.sqm.proto.common.v1.Severity.UNRECOGNIZED));
        assertNull(ProtoEnums.toDomain(org.sqm.proto.common.v1.Severity.SEVERITY_CRITICAL, Sev.class));
        assertEquals(
                org.sqm.proto.common.v1.Severity.SEVERITY_UNSPECIFIED,
                ProtoEnums.toProto(null, org.sqm.proto.common.v1.Severity.class));
        assertNull(ProtoEnums.byName("NOPE", Sev.class));
    }

    @Test
    void anEnumWithoutTheLayoutIsAProgrammingError() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ProtoEnums.shortName(Code.NOT_FOUND));
    }
}
