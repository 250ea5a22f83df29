/**
 * Outgoing gRPC clients of other services, each implementing a port that {@code service/} declares and
 * calling through commons' {@code RemoteCalls}; empty for now because scoring-service calls no other
 * service yet.
 */
package org.sqm.scoring.client;
