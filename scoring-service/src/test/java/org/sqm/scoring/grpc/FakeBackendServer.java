package org.sqm.scoring.grpc;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The stand-ins for standards-, inspection- and complaint-service on a gRPC server of their own
 * ({@code sqm.test.backends-port}), as the real services are: not behind scoring-service's lock, whose
 * role rules name only scoring's own methods. Started and stopped with the application under test.
 */
@ApplicationScoped
public class FakeBackendServer {

    private final int port;
    private Server server;

    public FakeBackendServer(@ConfigProperty(name = "sqm.test.backends-port", defaultValue = "19094") int port) {
        this.port = port;
    }

    void start(@Observes StartupEvent event) {
        try {
            server = ServerBuilder.forPort(port)
                    .addService(new FakeBackends.Units())
                    .addService(new FakeBackends.Complaints())
                    .addService(new FakeBackends.Feed())
                    .addService(new FakeInspections.Inspections())
                    .addService(new FakeInspections.Rectification())
                    .addService(new FakeStandards.Standards())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the fake backends on port " + port, e);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (server != null) {
            server.shutdownNow();
            server.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
