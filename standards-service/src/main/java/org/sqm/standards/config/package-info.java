/**
 * The service's own {@code @ConfigMapping} interfaces; empty for now because standards-service has no
 * settings of its own (page tokens and outgoing calls are configured in commons).
 */
package org.sqm.standards.config;
