package org.sqm.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sqm.commons.auth.AuthConfig;
import org.sqm.commons.auth.IncomingTokenInterceptor;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;
import org.sqm.testing.auth.DevTokens;

/**
 * What authentication costs per gRPC call (issue 17): one no-op method (it answers an empty message at
 * once) served twice in this JVM on the same Netty server setup, once behind commons'
 * {@link IncomingTokenInterceptor} — the lock every service runs: the RS256 bearer token verified with
 * SmallRye JWT, the method's roles read from its proto option and checked — and once without it. Both
 * clients send the same token, so the bytes on the wire are the same; the difference per call is the
 * interceptor's work.
 */
final class AuthenticationCostBenchmark implements Benchmark {

    static final String TITLE = "Authentication cost";
    static final String WITH = "gRPC no-op, token verified";
    static final String WITHOUT = "gRPC no-op, no token check";

    /** Measured rounds per concurrency, alternating the two servers; the median round is reported. */
    private static final int ROUNDS = 3;

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        // A method that states its roles (quality managers may list audit events): the interceptor does
        // all its work, the handler none.
        MethodDescriptor<ListAuditEventsRequest, ListAuditEventsResponse> method =
                AuditServiceGrpc.getListAuditEventsMethod();
        ServerServiceDefinition noop = ServerServiceDefinition.builder(method.getServiceName())
                .addMethod(method, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(ListAuditEventsResponse.getDefaultInstance());
                    response.onCompleted();
                }))
                .build();
        IncomingTokenInterceptor lock = new IncomingTokenInterceptor(
                new EnabledAuth(), new DefaultJWTParser(new JWTAuthContextInfo(publicKey(), DevTokens.ISSUER)));
        Server open = NettyServerBuilder.forPort(0).addService(noop).build().start();
        Server locked = NettyServerBuilder.forPort(0)
                .addService(ServerInterceptors.intercept(noop, lock))
                .build()
                .start();
        Metadata token = new Metadata();
        token.put(
                Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + DevTokens.token("quality-manager"));
        ManagedChannel toOpen = channel(open, token);
        ManagedChannel toLocked = channel(locked, token);
        List<Bar> bars = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        try {
            Duration warm = ctx.warmup().dividedBy(4);
            ctx.warmUp(WITHOUT, warm, length -> calls(WITHOUT, toOpen, method, 4, length));
            ctx.warmUp(WITH, warm, length -> calls(WITH, toLocked, method, 4, length));
            md.append("One no-op gRPC method served twice in the benchmark's JVM (Netty, plaintext, localhost), ")
                    .append("once behind commons' `IncomingTokenInterceptor` — the RS256 bearer token verified by ")
                    .append("SmallRye JWT, the method's `(sqm.common.v1.access)` roles checked, the caller put in ")
                    .append("the gRPC context, as in every service — and once without; both clients send the same ")
                    .append("development token. ")
                    .append(ROUNDS)
                    .append(" rounds per concurrency, alternating; the median round of each. ")
                    .append("*Cost per call* is the time one call occupies: at concurrency 1 the client's wait ")
                    .append("(1 / rate), at or above the ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(" cores the machine's cores (cores / rate: the cores are saturated, and a client's ")
                    .append(
                            "wait is mostly queueing); the benchmark's JVM serves and calls, the applications idle.\n\n")
                    .append("| Concurrency | Path | Calls/s | p50 ms | p99 ms | Cost per call µs | Errors |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            List<String> summary = new ArrayList<>();
            // One client (the latency a call gains) and the run's highest concurrency (the CPU it costs
            // when the cores are busy).
            int most = ctx.concurrency().stream().max(Integer::compare).orElse(1);
            for (int concurrency : new java.util.TreeSet<>(List.of(Math.min(1, most), most))) {
                List<LoadResult> without = new ArrayList<>();
                List<LoadResult> with = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    without.add(calls(WITHOUT, toOpen, method, concurrency, ctx.duration()));
                    with.add(calls(WITH, toLocked, method, concurrency, ctx.duration()));
                }
                LoadResult a = median(without);
                LoadResult b = median(with);
                for (LoadResult r : List.of(a, b)) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %d | %s | %.0f | %.3f | %.3f | %.1f | %d |%n",
                            concurrency,
                            r.path(),
                            r.throughput(),
                            r.p50Millis(),
                            r.p99Millis(),
                            perCall(r),
                            r.errors()));
                    bars.add(new Bar("c=" + concurrency, r.path(), r.throughput()));
                }
                double difference = perCall(b) - perCall(a);
                summary.add(String.format(
                                Locale.ROOT,
                                "at concurrency %d **%.1f µs** per call (%.1f against %.1f",
                                concurrency,
                                difference,
                                perCall(b),
                                perCall(a))
                        + (concurrency == 1
                                ? String.format(Locale.ROOT, "; p50 %+.1f µs)", 1000 * (b.p50Millis() - a.p50Millis()))
                                : ")"));
                System.out.printf(
                        Locale.ROOT,
                        "authentication c=%d: %.0f/s without, %.0f/s with the token verified: %+.1f µs per call%n",
                        concurrency,
                        a.throughput(),
                        b.throughput(),
                        difference);
            }
            md.append("\nAuthentication costs ")
                    .append(String.join("; ", summary))
                    .append(". A request through the gateway is verified twice — by the gateway (REST) and by "
                            + "the service it calls (gRPC) — and a service calling another on the caller's "
                            + "behalf adds one verification per hop.\n");
        } finally {
            toOpen.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            toLocked.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            open.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            locked.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        return new Section(TITLE, md.toString(), bars, "no-op gRPC calls per second, with and without the token check");
    }

    /**
     * The time one call occupies, in microseconds: at concurrency 1 the client's wait (1 / rate); at
     * or above the core count the machine's cores (cores / rate), since the cores are then saturated
     * and a client's wait is mostly queueing.
     */
    static double perCall(LoadResult r) {
        int busy = Math.min(r.concurrency(), Runtime.getRuntime().availableProcessors());
        return r.throughput() <= 0 ? 0 : 1e6 * busy / r.throughput();
    }

    private static LoadResult median(List<LoadResult> rounds) {
        List<LoadResult> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(LoadResult::throughput));
        return sorted.get(sorted.size() / 2);
    }

    private static ManagedChannel channel(Server server, Metadata token) {
        return ManagedChannelBuilder.forAddress("localhost", server.getPort())
                .usePlaintext()
                .intercept(MetadataUtils.newAttachHeadersInterceptor(token))
                .build();
    }

    private static LoadResult calls(
            String path,
            ManagedChannel channel,
            MethodDescriptor<ListAuditEventsRequest, ListAuditEventsResponse> method,
            int concurrency,
            Duration length)
            throws InterruptedException {
        ListAuditEventsRequest request = ListAuditEventsRequest.getDefaultInstance();
        return JavaLoad.run(
                path,
                concurrency,
                length,
                (w, n) -> ClientCalls.blockingUnaryCall(
                        channel, method, io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request));
    }

    /** The development public key, which verifies the development tokens. */
    private static PublicKey publicKey() throws Exception {
        String pem = Files.readString(DevTokens.repositoryFile("publicKey.pem"), StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    /** Authentication on, as every application runs it; service tokens play no part here. */
    private static final class EnabledAuth implements AuthConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        /**
         * Not used here: the lock is given SmallRye's own parser, so every call pays the verification —
         * what a token's first call costs; commons' {@code VerifiedTokenCache} spares the calls after it.
         */
        @Override
        public int tokenCacheSize() {
            return 0;
        }

        @Override
        public ServiceToken serviceToken() {
            return new ServiceToken() {
                @Override
                public Optional<String> keyLocation() {
                    return Optional.empty();
                }

                @Override
                public Optional<String> issuer() {
                    return Optional.empty();
                }

                @Override
                public List<String> groups() {
                    return List.of("service");
                }

                @Override
                public Duration lifetime() {
                    return Duration.ofMinutes(10);
                }
            };
        }
    }
}
