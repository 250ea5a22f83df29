package org.sqm.gateway.fakes;

import static io.restassured.RestAssured.given;

import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.sqm.commons.convert.ProtoTime;

/**
 * A REST test of the gateway against the fake backends: every test starts with no script and no
 * record. The first one warms the gRPC channels, whose first call on a cold JVM (connection,
 * class loading) can outlast the 1 s deadline of the test profile.
 */
public abstract class FakeBackendTest {

    protected static final String PROBLEM = "application/problem+json";

    private static boolean warm;

    @BeforeEach
    void resetBackends() {
        if (!warm) {
            for (String path : new String[] {
                "/api/v1/units", "/api/v1/inspectors", "/api/v1/complaint-categories", "/api/v1/deductionRules"
            }) {
                for (int attempt = 0; attempt < 10 && given().get(path).statusCode() != 200; attempt++) {
                    // Retried until the channel is up and warm.
                }
            }
            warm = true;
        }
        Backend.reset();
    }

    /** The timestamp of an RFC 3339 instant. */
    protected static Timestamp at(String instant) {
        return ProtoTime.timestamp(Instant.parse(instant));
    }

    /** The duration of an ISO-8601 duration. */
    protected static Duration span(String duration) {
        return ProtoTime.duration(java.time.Duration.parse(duration));
    }

    /** A field of a request by its proto name, for checks that hold for several request types. */
    protected static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }
}
