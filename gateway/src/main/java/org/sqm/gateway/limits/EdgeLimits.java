package org.sqm.gateway.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.error.ProblemMapper;

/**
 * The abuse limits of {@code /api}, checked before a request reaches a resource: the per-client rate
 * limit (429 with Retry-After), the body size (413) and the body's media type (415), each answered
 * as problem+json like every other refusal. Runs after Quarkus has set up the caller's deferred
 * identity, so a verified bearer token's subject is the client; otherwise its address.
 */
@ApplicationScoped
public class EdgeLimits {

    /** After authentication (Quarkus runs it at -200) and before Quarkus's own body size check (-2). */
    static final int ROUTE_ORDER = -190;

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final long maxBodySize;
    private final BodyHandler bodyReader;

    public EdgeLimits(
            RateLimiter limiter,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.limiter = limiter;
        this.json = json;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.bodyReader = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
    }

    /** Set on a request whose body had no length and was read here; its type is judged once read. */
    private static final String READ_HERE = "sqm.edge.body-read-here";

    void install(@Observes Router router) {
        router.route("/api/*").order(ROUTE_ORDER).handler(this::handle).failureHandler(this::failed);
        router.route("/api/*").order(ROUTE_ORDER + 1).handler(this::checkReadBody);
    }

    /** A body read without a length (chunked, or an HTTP/2 stream) is judged by what arrived: empty is fine. */
    void checkReadBody(RoutingContext rc) {
        if (rc.get(READ_HERE) != null
                && rc.body() != null
                && rc.body().length() > 0
                && !isJson(rc.request().getHeader(HttpHeaderNames.CONTENT_TYPE))) {
            unsupportedType(rc);
            return;
        }
        rc.next();
    }

    void handle(RoutingContext rc) {
        if (!limiter.enabled()) {
            checkBody(rc);
            return;
        }
        String bearer = rc.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        Uni<SecurityIdentity> identity = rc.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (bearer == null || !bearer.regionMatches(true, 0, "Bearer ", 0, 7) || identity == null) {
            limit(rc, addressOf(rc));
            return;
        }
        // The same verification the resource would wait for (Quarkus keeps its outcome); a token that
        // fails it counts against the address it came from.
        Context context = Vertx.currentContext();
        identity.subscribe()
                .with(
                        who -> onContext(
                                context,
                                () -> limit(
                                        rc,
                                        who == null || who.isAnonymous()
                                                ? addressOf(rc)
                                                : "subject:"
                                                        + who.getPrincipal().getName())),
                        failure -> onContext(context, () -> limit(rc, addressOf(rc))));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /**
     * The caller's address: the peer's, or the client's as the proxy in front reports it in
     * X-Forwarded-For / Forwarded when {@code quarkus.http.proxy.proxy-address-forwarding} says there is
     * one (and {@code quarkus.http.proxy.trusted-proxies} names it); never a header of a caller's own.
     */
    private static String addressOf(RoutingContext rc) {
        var address = rc.request().remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }

    private void limit(RoutingContext rc, String client) {
        if (rc.response().ended()) {
            // A token that failed verification has been answered 401 already.
            return;
        }
        OptionalLong retryAfter = limiter.acquire(client);
        if (retryAfter.isPresent()) {
            rc.response().putHeader(HttpHeaderNames.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()));
            refuse(
                    rc,
                    429,
                    "RATE_LIMITED",
                    "Too many requests from this client; try again in " + retryAfter.getAsLong() + " s.");
            return;
        }
        checkBody(rc);
    }

    private void checkBody(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!WITH_BODY.contains(request.method())) {
            rc.next();
            return;
        }
        String lengthHeader = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = lengthHeader == null ? -1 : Long.parseLong(lengthHeader.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length > maxBodySize) {
            tooLarge(rc);
            return;
        }
        // Without a length an HTTP/1.1 body arrives in chunks: read here, up to the limit. An HTTP/2
        // stream without a length is left to the resource (Quarkus applies the same size limit while it
        // reads, and JAX-RS the media type): reading it here would end a stream the resource still
        // pauses, a 500 for a POST without a body.
        boolean unknownLength = lengthHeader == null
                && request.version() != HttpVersion.HTTP_2
                && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
        if (length > 0 && !isJson(request.getHeader(HttpHeaderNames.CONTENT_TYPE))) {
            unsupportedType(rc);
            return;
        }
        if (unknownLength) {
            // An HTTP/2 POST without a body may not say so before its stream ends: read, then judge.
            rc.put(READ_HERE, Boolean.TRUE);
            bodyReader.handle(rc);
        } else {
            rc.next();
        }
    }

    private void unsupportedType(RoutingContext rc) {
        refuse(
                rc,
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "Send the body as application/json (a PATCH also as application/merge-patch+json).");
    }

    /** application/json and every application/*+json (merge-patch+json among them), with any parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The body reader found a chunked body over the limit. */
    private void failed(RoutingContext rc) {
        if (rc.statusCode() == 413 && !rc.response().headWritten()) {
            tooLarge(rc);
        } else {
            rc.next();
        }
    }

    private void tooLarge(RoutingContext rc) {
        // The rest of the body is not read: the connection closes after the answer.
        rc.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        refuse(rc, 413, "BODY_TOO_LARGE", "The request body is larger than " + maxBodySize + " bytes.");
    }

    private void refuse(RoutingContext rc, int status, String reason, String detail) {
        Problem problem = ProblemMapper.problem(status, reason, detail, rc.normalizedPath());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
