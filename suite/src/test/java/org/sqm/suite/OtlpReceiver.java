package org.sqm.suite;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OpenTelemetry collector for the end-to-end tests: it takes OTLP/HTTP protobuf exports
 * (ExportTraceServiceRequest) and keeps every span with its service name. The messages are read
 * field by field from the wire format, after opentelemetry/proto/trace/v1/trace.proto, so no
 * generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {}

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream raw = exchange.getRequestBody()) {
                boolean gzip =
                        "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                byte[] body = (gzip ? new GZIPInputStream(raw) : raw).readAllBytes();
                spans.addAll(parse(body));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The endpoint to give the exporters. */
    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    List<Span> spansOf(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    static List<Span> parse(byte[] body) throws IOException {
        List<Span> found = new java.util.ArrayList<>();
        UnknownFieldSet request = UnknownFieldSet.parseFrom(body);
        for (ByteString rs : request.getField(1).getLengthDelimitedList()) {
            UnknownFieldSet resourceSpans = UnknownFieldSet.parseFrom(rs);
            String service = "";
            for (ByteString resource : resourceSpans.getField(1).getLengthDelimitedList()) {
                for (ByteString kv :
                        UnknownFieldSet.parseFrom(resource).getField(1).getLengthDelimitedList()) {
                    UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(kv);
                    if ("service.name".equals(text(keyValue, 1))) {
                        service = text(
                                UnknownFieldSet.parseFrom(keyValue.getField(2)
                                        .getLengthDelimitedList()
                                        .get(0)),
                                1);
                    }
                }
            }
            for (ByteString ss : resourceSpans.getField(2).getLengthDelimitedList()) {
                for (ByteString sp : UnknownFieldSet.parseFrom(ss).getField(2).getLengthDelimitedList()) {
                    UnknownFieldSet span = UnknownFieldSet.parseFrom(sp);
                    found.add(new Span(
                            service,
                            hex(span, 1),
                            hex(span, 2),
                            hex(span, 4),
                            text(span, 5),
                            span.getField(6).getVarintList().isEmpty()
                                    ? 0
                                    : span.getField(6).getVarintList().get(0).intValue()));
                }
            }
        }
        return found;
    }

    private static String text(UnknownFieldSet message, int field) {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : values.get(0).toStringUtf8();
    }

    private static String hex(UnknownFieldSet message, int field) {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        return values.isEmpty() ? "" : HexFormat.of().formatHex(values.get(0).toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
