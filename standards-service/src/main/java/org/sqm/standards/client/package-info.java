/**
 * Outgoing gRPC clients of other services, each implementing a port that {@code service/} declares and
 * calling through commons' {@code RemoteCalls}; empty for now because standards-service calls no other
 * service.
 */
package org.sqm.standards.client;
