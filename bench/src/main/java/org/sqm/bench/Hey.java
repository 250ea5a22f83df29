package org.sqm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives HTTP with hey (Debian package {@code hey}): a fixed number of workers for a fixed time,
 * optionally rate-limited, every request's latency and status read from its CSV output.
 */
final class Hey {

    private Hey() {}

    static boolean available() {
        try {
            Process p = new ProcessBuilder("hey").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs hey and counts every non-2xx answer as an error.
     *
     * @param body         a JSON body for POST, or null for GET
     * @param qpsPerWorker a rate limit per worker, or 0 for none
     */
    static LoadResult run(
            String path,
            String method,
            String url,
            String body,
            int concurrency,
            Duration duration,
            double qpsPerWorker)
            throws IOException, InterruptedException {
        Path bodyFile = null;
        if (body != null) {
            bodyFile = Files.createTempFile("hey-body", ".json");
            Files.writeString(bodyFile, body);
        }
        List<String> command = command(method, url, bodyFile, concurrency, duration, qpsPerWorker);
        long began = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String csv = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - began) / 1e9;
        if (bodyFile != null) {
            Files.deleteIfExists(bodyFile);
        }
        if (exit != 0) {
            throw new IOException("hey exited with " + exit);
        }
        return parse(path, concurrency, csv, Math.min(seconds, duration.toMillis() / 1000.0 + 0.5), 0);
    }

    /** How long each paced client runs before its requests count: its start and TCP connection set-up. */
    static final Duration CONNECT = Duration.ofSeconds(1);

    /**
     * Offers {@code rate} requests per second ({@code body} for a POST, null for a GET), spread evenly:
     * {@code clients} hey processes of one worker each, rate-limited to their share and started one
     * after another across one period.
     * (One hey with {@code -c N -q r} starts its N tickers together, so its requests arrive in bursts
     * of N — a periodic full load, not an even one.) Each client runs {@link #CONNECT} longer than
     * {@code duration}, and its requests of that first stretch are not counted: hey cannot open its
     * connection before it starts measuring, so its first request carries the process start and the
     * TCP handshake, which no steady client pays.
     */
    static LoadResult paced(
            String path, String method, String url, String body, int clients, Duration duration, double rate)
            throws IOException, InterruptedException {
        double perClient = rate / clients;
        long periodNanos = (long) (1e9 / perClient);
        Path bodyFile = null;
        if (body != null) {
            bodyFile = Files.createTempFile("hey-body", ".json");
            Files.writeString(bodyFile, body);
        }
        List<Process> processes = new ArrayList<>();
        long began = System.nanoTime();
        try {
            for (int i = 0; i < clients; i++) {
                long due = began + i * periodNanos / clients;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                processes.add(new ProcessBuilder(command(method, url, bodyFile, 1, duration.plus(CONNECT), perClient))
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start());
            }
            // Read every output fully before waiting, so no process blocks on a full pipe.
            StringBuilder csv = new StringBuilder();
            List<java.util.concurrent.CompletableFuture<String>> outputs = processes.stream()
                    .map(p -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }))
                    .toList();
            for (int i = 0; i < processes.size(); i++) {
                String out = outputs.get(i).join();
                if (processes.get(i).waitFor() != 0) {
                    throw new IOException("hey exited with " + processes.get(i).exitValue());
                }
                csv.append(out).append('\n');
            }
            return parse(path, clients, csv.toString(), duration.toMillis() / 1000.0, CONNECT.toMillis() / 1000.0);
        } finally {
            processes.forEach(Process::destroyForcibly);
            if (bodyFile != null) {
                Files.deleteIfExists(bodyFile);
            }
        }
    }

    /** One hey command line: CSV output, a JSON body from {@code bodyFile} if any, a rate limit if above 0. */
    private static List<String> command(
            String method, String url, Path bodyFile, int concurrency, Duration duration, double qpsPerWorker) {
        List<String> command = new ArrayList<>(List.of(
                "hey", "-z", duration.toMillis() + "ms", "-c", String.valueOf(concurrency), "-m", method, "-o", "csv"));
        // Authentication is on in the suite: every request carries an administrator's development token.
        command.addAll(List.of("-H", "Authorization: " + org.sqm.testing.auth.Bearer.administrator()));
        if (qpsPerWorker > 0) {
            command.add("-q");
            command.add(String.format(java.util.Locale.ROOT, "%.3f", qpsPerWorker));
        }
        if (bodyFile != null) {
            command.addAll(List.of("-T", "application/json", "-D", bodyFile.toString()));
        }
        command.add(url);
        return command;
    }

    /** Reads hey's CSV (response-time (s), …, status-code, offset), leaving out requests begun before {@code skip} s. */
    static LoadResult parse(String path, int concurrency, String csv, double seconds, double skip) {
        String[] lines = csv.split("\n");
        long[] ok = new long[lines.length];
        int n = 0;
        long errors = 0;
        int timeColumn = 0;
        int statusColumn = 6;
        int offsetColumn = 7;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            if (line.startsWith("response-time")) {
                for (int i = 0; i < f.length; i++) {
                    if (f[i].equals("status-code")) {
                        statusColumn = i;
                    }
                    if (f[i].equals("response-time")) {
                        timeColumn = i;
                    }
                    if (f[i].equals("offset")) {
                        offsetColumn = i;
                    }
                }
                continue;
            }
            if (skip > 0 && Double.parseDouble(f[offsetColumn]) < skip) {
                continue;
            }
            int status = Integer.parseInt(f[statusColumn].trim());
            if (status >= 200 && status < 300) {
                ok[n++] = (long) (Double.parseDouble(f[timeColumn]) * 1e9);
            } else {
                errors++;
            }
        }
        return LoadResult.of(path, concurrency, java.util.Arrays.copyOf(ok, n), errors, seconds);
    }
}
