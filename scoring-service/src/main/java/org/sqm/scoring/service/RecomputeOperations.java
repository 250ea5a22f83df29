package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.paging.PageTokens;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.RecomputeRuns.Run;

/**
 * The recompute runs as google.longrunning operations: read, list, cancel, wait and delete. Waiting polls the
 * run with no transaction open between polls.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class RecomputeOperations {

    /** The prefix of every operation name. */
    public static final String PREFIX = "operations/";

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Pattern FILTER = Pattern.compile("\\s*period\\s*=\\s*\"([^\"]*)\"\\s*");
    private static final long POLL_MILLIS = 100;

    private final RecomputeRuns runs;
    private final ScorecardRecompute recompute;
    private final PageTokens tokens;

    public RecomputeOperations(RecomputeRuns runs, ScorecardRecompute recompute, PageTokens tokens) {
        this.runs = runs;
        this.recompute = recompute;
        this.tokens = tokens;
    }

    public Run get(String name) {
        UUID id = id(name);
        return runs.find(id).orElseThrow(() -> notFound(name));
    }

    /** Asks the run to stop; a run that has ended stays as it ended. */
    public void cancel(String name) {
        if (!recompute.cancel(id(name))) {
            throw notFound(name);
        }
    }

    /** Deletes an ended run whose scorecards are not current (superseded, failed or cancelled), with them. */
    public void delete(String name) {
        if (!runs.delete(id(name))) {
            throw notFound(name);
        }
    }

    /** The run once it has ended, or as it is when the timeout (default 10 s, at most 60 s) has passed. */
    public Run await(String name, Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new InvalidArgumentException("timeout", "must not be negative");
        }
        Duration wait = timeout == null || timeout.isZero()
                ? DEFAULT_WAIT
                : timeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : timeout;
        Instant until = Instant.now().plus(wait);
        Run run = get(name);
        while (!run.done() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(Math.min(
                        POLL_MILLIS,
                        Math.max(1, Duration.between(Instant.now(), until).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            run = get(name);
        }
        return run;
    }

    /** The runs newest first, of every period or of the one the filter names ({@code period="2026-03"}). */
    public PageTokens.Page<Run> list(String filter, int pageSize, String pageToken) {
        String period = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches() || Period.parse(m.group(1)).isEmpty()) {
                throw new InvalidArgumentException(
                        "filter", "must be empty or period=\"<period>\", the period " + Period.FORMAT);
            }
            period = m.group(1);
        }
        int size = PageTokens.pageSize(pageSize);
        String query = "operations|" + period;
        List<String> after = tokens.decode(pageToken, query, 2);
        List<Run> read = after.isEmpty()
                ? runs.list(period, null, null, size + 1)
                : runs.list(period, Instant.parse(after.get(0)), UUID.fromString(after.get(1)), size + 1);
        return tokens.page(read, size, query, r -> List.of(r.startTime().toString(), r.id().toString()));
    }

    private static UUID id(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            throw new InvalidArgumentException("name", "must be operations/<id>");
        }
        try {
            return UUID.fromString(name.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw notFound(name);
        }
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("operation", name);
    }
}
