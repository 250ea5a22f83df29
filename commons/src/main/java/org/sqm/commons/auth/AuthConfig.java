package org.sqm.commons.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Authentication of every gRPC API and of the calls an application makes without a caller. */
@ConfigMapping(prefix = "sqm.auth")
public interface AuthConfig {

    /**
     * Whether every gRPC call needs a valid bearer token. On everywhere; only a test that is about
     * something else entirely may turn it off. With it on, the application refuses to start without
     * a verification key and an issuer ({@code mp.jwt.verify.publickey[.location]},
     * {@code mp.jwt.verify.issuer}).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How many verified bearer tokens this application keeps (until each expires) so that a token is
     * verified once, not on every call ({@link VerifiedTokenCache}); 0 verifies every call.
     */
    @WithDefault("1000")
    int tokenCacheSize();

    /** The token this application sends when it calls another one on its own account (a scheduled job). */
    ServiceToken serviceToken();

    /** A service token: minted here, signed with a key of this application's own. */
    interface ServiceToken {

        /**
         * The PKCS#8 PEM private key that signs service tokens (a file, a classpath resource or a URL).
         * Absent: calls without a caller go out without a token and the other service refuses them.
         */
        Optional<String> keyLocation();

        /** The issuer of service tokens; the receiving services must trust it (and the key's public half). */
        Optional<String> issuer();

        /** The roles of a service token ({@code groups}). */
        @WithDefault("service")
        List<String> groups();

        /** How long a service token is valid; a new one is minted when half of it is gone. */
        @WithDefault("10m")
        Duration lifetime();
    }
}
