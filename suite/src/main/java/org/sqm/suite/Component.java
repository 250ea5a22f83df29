package org.sqm.suite;

/** The five applications of the suite, in start order: the gateway last, once its backends are up. */
public enum Component {
    STANDARDS("standards-service", "standards", 8081),
    INSPECTION("inspection-service", "inspection", 8082),
    COMPLAINT("complaint-service", "complaint", 8083),
    SCORING("scoring-service", "scoring", 8084),
    GATEWAY("gateway", null, 8080);

    private final String module;
    private final String database;
    private final int defaultPort;

    Component(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, which is also the application's name. */
    public String module() {
        return module;
    }

    /** The database the component owns, or null for the gateway, which owns none. */
    public String database() {
        return database;
    }

    /** The default HTTP port: 8080 for the gateway, 8081 to 8084 for the services. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The default gRPC port: 9081 to 9084 for the services (the gateway serves no gRPC). */
    public int defaultGrpcPort() {
        return defaultPort + 1000;
    }

    /** The gRPC client name the gateway uses for this backend (quarkus.grpc.clients.NAME). */
    public String clientName() {
        return this == COMPLAINT ? "complaints" : database;
    }
}
