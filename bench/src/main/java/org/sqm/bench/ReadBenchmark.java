package org.sqm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads through the gateway (hey) against the same reads in plain JDBC, on the data of the intake
 * run: one complaint with its deadlines, a page of a unit's complaints, a unit, a standard with its
 * 57-element tree.
 */
final class ReadBenchmark implements Benchmark {

    /** One read: its REST URL, its database and the SQL that fetches the same rows. */
    private record Read(String name, String url, String database, String sql, Object parameter) {}

    @Override
    public String title() {
        return "Reads";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        UUID unit = UUID.fromString(ctx.fixture().unitId());
        UUID complaint;
        try (Connection c = ctx.connect("complaint");
                PreparedStatement ps = c.prepareStatement("SELECT id FROM complaint WHERE unit_id = ? LIMIT 1")) {
            ps.setObject(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    Fixture.post(
                            ctx.gateway() + "/api/v1/complaints", ctx.fixture().complaintBody());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                complaint = (UUID) rs.getObject(1);
            }
        }
        String g = ctx.gateway();
        List<Read> reads = List.of(
                new Read(
                        "complaint by id",
                        g + "/api/v1/complaints/" + complaint,
                        "complaint",
                        "SELECT * FROM complaint c LEFT JOIN complaint_deadline d ON d.complaint_id = c.id WHERE c.id = ?",
                        complaint),
                new Read(
                        "page of 50 complaints of a unit",
                        g + "/api/v1/complaints?unitId=" + unit + "&pageSize=50",
                        "complaint",
                        "SELECT * FROM complaint WHERE unit_id = ? ORDER BY receive_time DESC, id DESC LIMIT 51",
                        unit),
                new Read(
                        "unit by id",
                        g + "/api/v1/units/" + unit,
                        "standards",
                        "SELECT * FROM unit WHERE id = ?",
                        unit),
                new Read(
                        "standard by id (57 elements)",
                        g + "/api/v1/standards/" + ctx.fixture().standardId(),
                        "standards",
                        "SELECT * FROM standard WHERE id = ?",
                        UUID.fromString(ctx.fixture().standardId())));
        int concurrency = ctx.readConcurrency();
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Concurrency %d. The baseline runs the same query with JDBC and reads every column of every row;%n"
                        + "the REST path adds the gateway, a gRPC call, the service's transaction and mapping, and JSON.%n%n",
                concurrency));
        md.append(
                "| read | path | ops/s | share of JDBC | p50 ms | p99 ms | errors |\n|---|---|---:|---:|---:|---:|---:|\n");
        List<Bar> bars = new ArrayList<>();
        for (Read read : reads) {
            ctx.warmUp(
                    read.name() + " (JDBC)", ctx.warmup().dividedBy(4), length -> jdbc(ctx, read, concurrency, length));
            ctx.warmUp(
                    read.name() + " (REST)",
                    ctx.warmup().dividedBy(4),
                    length -> Hey.run("warm-up", "GET", read.url(), null, concurrency, length, 0));
            LoadResult jdbc = jdbc(ctx, read, concurrency, ctx.duration());
            LoadResult rest = Hey.run("REST (gateway, hey)", "GET", read.url(), null, concurrency, ctx.duration(), 0);
            for (LoadResult r : List.of(jdbc, rest)) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.0f | %.2f | %.2f | %.2f | %d |%n",
                        read.name(),
                        r.path(),
                        r.throughput(),
                        r.throughput() / jdbc.throughput(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.errors()));
                bars.add(new Bar(read.name(), r.path(), r.throughput()));
            }
            System.out.printf(
                    Locale.ROOT,
                    "read %s: JDBC %.0f/s, REST %.0f/s%n",
                    read.name(),
                    jdbc.throughput(),
                    rest.throughput());
        }
        return new Section(title(), md.toString(), bars, "Reads per second");
    }

    private static LoadResult jdbc(BenchContext ctx, Read read, int concurrency, java.time.Duration duration)
            throws Exception {
        Connection[] connections = new Connection[concurrency];
        PreparedStatement[] queries = new PreparedStatement[concurrency];
        for (int i = 0; i < concurrency; i++) {
            connections[i] = ctx.connect(read.database());
            queries[i] = connections[i].prepareStatement(read.sql());
        }
        try {
            return JavaLoad.run("plain JDBC", concurrency, duration, (w, n) -> {
                queries[w].setObject(1, read.parameter());
                try (ResultSet rs = queries[w].executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rs.getObject(i);
                        }
                    }
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
