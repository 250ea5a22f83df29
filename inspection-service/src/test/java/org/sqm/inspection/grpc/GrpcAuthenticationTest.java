package org.sqm.inspection.grpc;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc;
import org.sqm.testing.auth.GrpcTokenChecks;

/** The gRPC API's lock: missing, malformed, expired, foreign and forged tokens are UNAUTHENTICATED. */
@QuarkusTest
class GrpcAuthenticationTest {

    @Test
    void onlyAValidBearerTokenGetsThroughAndHealthNeedsNone() {
        int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
        GrpcTokenChecks.assertOnlyValidTokensPass(
                port, InspectorServiceGrpc.getListInspectorsMethod().getFullMethodName());
    }
}
