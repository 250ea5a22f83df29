package org.sqm.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behind a proxy the gateway trusts, the client is the address the proxy reports in X-Forwarded-For. */
@QuarkusTest
@DefaultToken.Without
@TestProfile(EdgeLimitsBehindProxyTest.BehindProxy.class)
class EdgeLimitsBehindProxyTest {

    /** Two requests at once per client, then one every 2 s; the local peer is the trusted proxy. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sqm.rate-limit.requests", "1",
                    "sqm.rate-limit.window", "2s",
                    "sqm.rate-limit.burst", "2",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Test
    void eachForwardedAddressHasABucketOfItsOwn() {
        for (int i = 0; i < 2; i++) {
            EdgeLimitsTest.get(null, "198.51.100.7").then().statusCode(not(429));
        }
        EdgeLimitsTest.get(null, "198.51.100.7")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("reason", equalTo("RATE_LIMITED"));
        EdgeLimitsTest.get(null, "198.51.100.8").then().statusCode(not(429));
    }
}
