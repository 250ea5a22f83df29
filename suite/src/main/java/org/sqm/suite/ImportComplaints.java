package org.sqm.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sqm.testing.auth.DevTokens;

/**
 * Loads complaints from a CSV or JSON-lines file through the gateway's {@code complaints:batchCreate},
 * with a progress bar on stderr and, at the end, a summary of what was refused and why. Every row gets
 * a request id (its own, or one derived from its line and content), so running the same file again
 * after an interruption records nothing twice.
 */
public final class ImportComplaints {

    static final String USAGE = "usage: scripts/import-complaints.sh FILE.(csv|jsonl) [--gateway URL] [--token TOKEN]"
            + " [--batch N]\n"
            + "  CSV: a header row naming the columns unitId, channel, category, severity, description, remedySought,\n"
            + "       complainantName, complainantEmail, complainantPhone, receiveTime, customerSegment, requestId\n"
            + "       (case, '_', '-' and '.' ignored: complainant.name and complainant_name are complainantName).\n"
            + "  JSONL: one complaint per line as POST /api/v1/complaints takes it, with an optional requestId, or\n"
            + "       {\"requestId\": ..., \"complaint\": {...}}.\n"
            + "  --gateway defaults to http://localhost:8080, --token to a development administrator token\n"
            + "  (as scripts/token.sh administrator prints), --batch to 500 (at most 1000).";

    /** The values the API takes; a row with another is refused here, so it cannot sink its batch. */
    static final Set<String> CHANNELS = Set.of(
            "PHONE",
            "EMAIL",
            "WEB_FORM",
            "SOCIAL_MEDIA",
            "IN_PERSON",
            "REGULATOR_REFERRAL",
            "CONSUMER_ASSOCIATION_REFERRAL");

    static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final Set<String> SEGMENTS = Set.of("MOBILE", "HOME", "BUSINESS", "VIP", "BROADBAND");

    /** Whole batches that fail on the way (no answer, 429, 5xx) are sent again this many times in all. */
    static final int ATTEMPTS = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BAR = 30;

    /** What the import did. */
    record Summary(long rows, long recorded, Map<String, List<Long>> refusedByReason) {

        long refused() {
            return refusedByReason.values().stream().mapToLong(List::size).sum();
        }
    }

    /** One row of the file, ready to send: its line, its item (requestId and complaint). */
    record Row(long line, ObjectNode item) {}

    private final URI endpoint;
    private final String token;
    private final int batch;
    private final PrintStream progress;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ImportComplaints(String gateway, String token, int batch, PrintStream progress) {
        this.endpoint = URI.create(gateway.replaceAll("/+$", "") + "/api/v1/complaints:batchCreate");
        this.token = token;
        this.batch = batch;
        this.progress = progress;
    }

    public static void main(String[] args) {
        Path file = null;
        String gateway = "http://localhost:8080";
        String token = null;
        int batch = 500;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--gateway" -> gateway = args[++i];
                    case "--token" -> token = args[++i];
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> {
                        if (file != null || args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no file given");
            }
            if (batch < 1 || batch > 1000) {
                throw new IllegalArgumentException("--batch must be 1 to 1000");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            System.err.println(USAGE);
            System.exit(64);
            return;
        }
        try {
            Summary summary = new ImportComplaints(
                            gateway, token != null ? token : DevTokens.administrator(), batch, System.err)
                    .run(file);
            System.out.print(report(summary));
            System.exit(summary.refused() == 0 ? 0 : 2);
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println();
            System.err.println("The import stopped: " + e.getMessage());
            System.err.println("Run it again: rows already recorded are not recorded twice.");
            System.exit(1);
        }
    }

    /** Reads the file, sends it batch by batch and answers what became of its rows. */
    Summary run(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
            throw new IllegalArgumentException(file + ": the file must end in .csv or .jsonl");
        }
        long total = countRows(file, csv);
        Map<String, List<Long>> refused = new TreeMap<>();
        long recorded = 0;
        long done = 0;
        long started = System.nanoTime();
        List<Row> pending = new ArrayList<>(batch);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RowReader rows = csv ? new CsvRows(in) : new JsonRows(in);
            for (RowReader.Read read = rows.next(); read != null; read = rows.next()) {
                if (read.problem() != null) {
                    refused.computeIfAbsent(read.problem(), k -> new ArrayList<>())
                            .add(read.line());
                    done++;
                } else {
                    pending.add(new Row(read.line(), read.item()));
                }
                if (pending.size() == batch) {
                    recorded += send(pending, refused);
                    done += pending.size();
                    pending.clear();
                }
                bar(done, total, recorded, started);
            }
            if (!pending.isEmpty()) {
                recorded += send(pending, refused);
                done += pending.size();
            }
            bar(done, total, recorded, started);
            progress.println();
        }
        return new Summary(done, recorded, refused);
    }

    /** Sends one batch (again while it fails on the way) and counts its results; answers how many were recorded. */
    private long send(List<Row> rows, Map<String, List<Long>> refused) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        var requests = body.putArray("requests");
        rows.forEach(r -> requests.add(r.item()));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> answer = null;
        IOException unanswered = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                unanswered = null;
                if (answer.statusCode() != 429 && answer.statusCode() < 500) {
                    break;
                }
            } catch (IOException e) {
                unanswered = e;
            }
            // The same batch again is safe: every row has its request id.
            Thread.sleep(500L << attempt);
        }
        if (unanswered != null) {
            throw new IOException(
                    "the gateway at " + endpoint + " did not answer: " + unanswered.getMessage(), unanswered);
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            throw new IllegalStateException(
                    "the gateway refused the token (" + answer.statusCode() + "): " + detail(answer.body()));
        }
        if (answer.statusCode() != 200) {
            // The whole batch was refused (or still failing after retries): every row of it, for that reason.
            String reason = "whole batch refused, " + answer.statusCode() + ": " + detail(answer.body());
            rows.forEach(
                    r -> refused.computeIfAbsent(reason, k -> new ArrayList<>()).add(r.line()));
            return 0;
        }
        JsonNode results = JSON.readTree(answer.body()).path("results");
        long recorded = 0;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode result = results.path(i);
            if (result.has("complaint")) {
                recorded++;
            } else {
                refused.computeIfAbsent(reason(result.path("error")), k -> new ArrayList<>())
                        .add(rows.get(i).line());
            }
        }
        return recorded;
    }

    /** A refusal in words, without the item's position: rows refused for the same fault group together. */
    static String reason(JsonNode problem) {
        StringBuilder why = new StringBuilder(problem.path("reason").asText("UNKNOWN"));
        JsonNode errors = problem.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> fields = new ArrayList<>();
            for (JsonNode e : errors) {
                fields.add(e.path("field").asText().replaceFirst("^requests\\[\\d+]\\.(complaint\\.)?", "") + " "
                        + e.path("message").asText());
            }
            why.append(": ").append(String.join("; ", fields));
        } else if (problem.hasNonNull("detail")) {
            why.append(": ").append(problem.path("detail").asText());
        }
        return why.toString();
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.hasNonNull("reason") ? reason(problem) : body;
        } catch (IOException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private void bar(long done, long total, long recorded, long started) {
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * BAR);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.printf(
                Locale.ROOT,
                "\r[%s%s] %3.0f%% %d/%d rows, %d recorded, %d refused, %.0f rows/s",
                "#".repeat(filled),
                ".".repeat(BAR - filled),
                100 * share,
                done,
                total,
                recorded,
                done - recorded,
                seconds > 0 ? done / seconds : 0);
        progress.flush();
    }

    /** The summary the command prints on stdout. */
    static String report(Summary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%d rows: %d complaints recorded (or recorded by an earlier run), %d refused.%n",
                s.rows(),
                s.recorded(),
                s.refused()));
        if (s.refused() > 0) {
            out.append("Refused, by reason:\n");
            s.refusedByReason().entrySet().stream()
                    .sorted((a, b) ->
                            Integer.compare(b.getValue().size(), a.getValue().size()))
                    .forEach(e -> {
                        List<Long> lines = e.getValue();
                        String shown =
                                lines.subList(0, Math.min(10, lines.size())).toString();
                        out.append(String.format(
                                Locale.ROOT,
                                "  %6d  %s (lines %s%s)%n",
                                lines.size(),
                                e.getKey(),
                                shown.substring(1, shown.length() - 1),
                                lines.size() > 10 ? ", …" : ""));
                    });
        }
        return out.toString();
    }

    private static long countRows(Path file, boolean csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RowReader rows = csv ? new CsvRows(in) : new JsonRows(in);
            rows.counting = true;
            long n = 0;
            while (rows.next() != null) {
                n++;
            }
            return n;
        }
    }

    /** Reads the rows of a file one at a time. */
    abstract static class RowReader {

        /** A row read: its first line and either its item or why it cannot be sent. */
        record Read(long line, ObjectNode item, String problem) {}

        /** When only counting, rows are not parsed into items. */
        boolean counting;

        /** The next row, or null at the end. */
        abstract Read next() throws IOException;

        /** The item to send for a complaint, with the row's own request id or one derived from it. */
        static Read item(long line, String text, String requestId, ObjectNode complaint) {
            String problem = check(complaint);
            if (problem != null) {
                return new Read(line, null, problem);
            }
            ObjectNode item = JSON.createObjectNode();
            item.put(
                    "requestId",
                    requestId == null || requestId.isBlank() ? derivedRequestId(line, text) : requestId.strip());
            item.set("complaint", complaint);
            return new Read(line, item, null);
        }

        /** The values the gateway would refuse the whole batch for (unknown names of its enums). */
        private static String check(ObjectNode complaint) {
            for (var field : List.of(
                    Map.entry("channel", CHANNELS),
                    Map.entry("severity", SEVERITIES),
                    Map.entry("customerSegment", SEGMENTS))) {
                JsonNode value = complaint.get(field.getKey());
                if (value != null && !value.isNull() && !field.getValue().contains(value.asText())) {
                    return "INVALID_FIELDS: " + field.getKey() + " must be one of "
                            + String.join(", ", new java.util.TreeSet<>(field.getValue()));
                }
            }
            return null;
        }

        /** Stable across runs of the same file: the line number and the row's text decide it. */
        static String derivedRequestId(long line, String text) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((line + "\n" + text).getBytes(StandardCharsets.UTF_8));
                return "import-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /** JSON lines: a complaint per line, or an item {requestId, complaint}; blank lines are skipped. */
    static final class JsonRows extends RowReader {
        private final BufferedReader in;
        private long line;

        JsonRows(BufferedReader in) {
            this.in = in;
        }

        @Override
        Read next() throws IOException {
            String text;
            do {
                text = in.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                return null;
            }
            if (counting) {
                return new Read(line, null, null);
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                return new Read(line, null, "UNREADABLE_ROW: not a JSON object");
            }
            if (!(node instanceof ObjectNode object)) {
                return new Read(line, null, "UNREADABLE_ROW: not a JSON object");
            }
            String requestId = object.path("requestId").isTextual()
                    ? object.get("requestId").asText()
                    : null;
            ObjectNode complaint;
            if (object.get("complaint") instanceof ObjectNode wrapped) {
                complaint = wrapped;
            } else {
                complaint = object.deepCopy();
                complaint.remove("requestId");
            }
            return item(line, text, requestId, complaint);
        }
    }

    /** RFC 4180 CSV with a header row; quoted fields may hold commas, quotes ("") and line breaks. */
    static final class CsvRows extends RowReader {

        /** The REST field each column fills, by its normalised header. */
        private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

        static {
            for (String column : List.of(
                    "unitId",
                    "channel",
                    "category",
                    "severity",
                    "description",
                    "remedySought",
                    "complainantName",
                    "complainantEmail",
                    "complainantPhone",
                    "receiveTime",
                    "customerSegment",
                    "requestId")) {
                COLUMNS.put(normalise(column), column);
            }
        }

        private final BufferedReader in;
        private long line;
        private List<String> header;

        CsvRows(BufferedReader in) {
            this.in = in;
        }

        private static String normalise(String column) {
            return column.strip().toLowerCase(Locale.ROOT).replaceAll("[_\\-. ]", "");
        }

        @Override
        Read next() throws IOException {
            if (header == null) {
                List<String> names = record();
                if (names == null) {
                    return null;
                }
                header = new ArrayList<>();
                for (String name : names) {
                    String column = COLUMNS.get(normalise(name.replace("\uFEFF", "")));
                    if (column == null) {
                        throw new IllegalArgumentException("unknown CSV column \"" + name + "\"; the columns are "
                                + String.join(", ", COLUMNS.values()));
                    }
                    header.add(column);
                }
            }
            long first = line + 1;
            List<String> values;
            do {
                first = line + 1;
                values = record();
            } while (values != null && values.size() == 1 && values.get(0).isBlank());
            if (values == null) {
                return null;
            }
            if (counting) {
                return new Read(first, null, null);
            }
            if (values.size() != header.size()) {
                return new Read(
                        first,
                        null,
                        "UNREADABLE_ROW: " + values.size() + " columns where the header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            ObjectNode complaint = JSON.createObjectNode();
            for (String field : List.of(
                    "unitId",
                    "channel",
                    "category",
                    "severity",
                    "description",
                    "remedySought",
                    "receiveTime",
                    "customerSegment")) {
                String value = row.get(field);
                if (value != null && !value.isEmpty()) {
                    complaint.put(field, value);
                }
            }
            ObjectNode complainant = complaint.putObject("complainant");
            putIfPresent(complainant, "name", row.get("complainantName"));
            putIfPresent(complainant, "email", row.get("complainantEmail"));
            putIfPresent(complainant, "phone", row.get("complainantPhone"));
            return item(first, String.join("\u001f", values), row.get("requestId"), complaint);
        }

        private static void putIfPresent(ObjectNode node, String field, String value) {
            if (value != null && !value.isEmpty()) {
                node.put(field, value);
            }
        }

        /** One record, which may span lines inside quotes; null at the end of the file. */
        private List<String> record() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    String more = in.readLine();
                    if (more == null) {
                        break;
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
