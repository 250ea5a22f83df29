package org.sqm.commons.paging;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The secret that seals page tokens; every replica of a service must share it. */
@ConfigMapping(prefix = "sqm.page-tokens")
public interface PagingConfig {

    /**
     * Any text of at least 16 characters (SQM_PAGE_TOKENS_SECRET; Kubernetes takes it from a Secret).
     * Without it each process seals with a random key of its own: fine for one process, but its
     * tokens die with it and another replica refuses them.
     */
    Optional<String> secret();
}
