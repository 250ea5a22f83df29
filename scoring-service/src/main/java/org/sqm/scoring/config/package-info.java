/**
 * The service's own {@code @ConfigMapping} interfaces; empty for now because scoring-service has no
 * settings of its own yet (page tokens and outgoing calls are configured in commons).
 */
package org.sqm.scoring.config;
