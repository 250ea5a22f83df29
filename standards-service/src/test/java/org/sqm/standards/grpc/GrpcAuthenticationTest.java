package org.sqm.standards.grpc;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.testing.auth.GrpcTokenChecks;

/** The gRPC API's lock: missing, malformed, expired, foreign and forged tokens are UNAUTHENTICATED. */
@QuarkusTest
class GrpcAuthenticationTest {

    @Test
    void onlyAValidBearerTokenGetsThroughAndHealthNeedsNone() {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        GrpcTokenChecks.assertOnlyValidTokensPass(
                port, UnitServiceGrpc.getListUnitsMethod().getFullMethodName());
    }
}
