package org.sqm.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The console's development login: off unless a signing key is configured (the local run sets one). */
@ConfigMapping(prefix = "sqm.console.dev-login")
public interface DevLoginConfig {

    /**
     * The PKCS#8 PEM private key that signs development tokens: a file, a classpath resource or a URL,
     * as {@code sqm.auth.service-token.key-location}. Absent (the default, and in Kubernetes): no dev login.
     */
    Optional<String> keyLocation();

    /** How long a development token is valid: a working day with the local suite. */
    @WithDefault("12h")
    Duration lifetime();
}
