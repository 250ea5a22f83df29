package org.sqm.complaint.service;

import static org.sqm.commons.convert.Texts.blankToNull;
import static org.sqm.commons.convert.Texts.notBlank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.complaint.config.ComplaintConfig;
import org.sqm.complaint.domain.ComplaintCategoryEntity;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.repository.ComplaintRepository;

/**
 * Reading complaints: one complaint with its history and the time its deadlines have used, pages of
 * complaints about a unit tree, statistics. The unit tree and the time used come from
 * standards-service, asked with no transaction open; the rows are read in short transactions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ComplaintQueries {

    private static final String LIST_QUERY = "complaints";
    /** The longest statistics period: a year and a little more, so a calendar year always fits. */
    private static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final ComplaintStore store;
    private final DeadlineClock clock;
    private final Standards standards;
    private final PageTokens pageTokens;
    private final ComplaintConfig config;
    private final ComplaintScope scope;

    public ComplaintQueries(
            ComplaintStore store,
            DeadlineClock clock,
            Standards standards,
            PageTokens pageTokens,
            ComplaintConfig config,
            ComplaintScope scope) {
        this.scope = scope;
        this.store = store;
        this.clock = clock;
        this.standards = standards;
        this.pageTokens = pageTokens;
        this.config = config;
    }

    /** What a list is filtered by; null or false fields do not filter. */
    public record ListQuery(
            String unitId,
            boolean includeDescendants,
            ComplaintStatus status,
            boolean overdueOnly,
            String category,
            ComplaintChannel channel,
            Instant receivedAfter,
            Instant receivedBefore,
            boolean openOnly) {}

    /** The complaint, its history and the business time used per deadline (left out when standards-service is down). */
    public ComplaintDetail get(String id) {
        ComplaintDetail read = store.readWithHistory(id, scope.current());
        return new ComplaintDetail(read.complaint(), read.history(), clock.used(read.complaint(), Instant.now()));
    }

    /**
     * Lists complaints, newest receipt first: only those the caller may see (filtered in the query),
     * with page tokens bound to the caller's scope as well as to the filters.
     */
    public PageTokens.Page<ComplaintEntity> list(ListQuery query, int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        new Violations()
                .check(
                        query.receivedAfter() == null
                                || query.receivedBefore() == null
                                || query.receivedBefore().isAfter(query.receivedAfter()),
                        "received_before",
                        "must be after received_after")
                .check(
                        !query.openOnly() || query.status() == null,
                        "open_only",
                        "cannot be combined with status: open_only already means the open statuses")
                .throwIfAny();
        String fingerprint = LIST_QUERY + ":" + query + "|" + scope.key();
        List<String> after = pageTokens.decode(pageToken, fingerprint, 2);
        Instant afterTime = null;
        UUID afterId = null;
        if (!after.isEmpty()) {
            try {
                afterTime = Instant.parse(after.get(0));
                afterId = UUID.fromString(after.get(1));
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("page_token", "is not a token this service issued");
            }
        }
        ComplaintScope.Visible visible = scope.current();
        List<UUID> unitIds =
                notBlank(query.unitId()) ? units(query.unitId(), query.includeDescendants(), visible) : null;
        List<ComplaintEntity> page = store.page(
                new ComplaintRepository.Filter(
                        unitIds,
                        visible.units().orElse(null),
                        query.status(),
                        query.overdueOnly(),
                        blankToNull(query.category()),
                        query.channel(),
                        query.receivedAfter(),
                        query.receivedBefore(),
                        query.openOnly(),
                        Instant.now()),
                afterTime,
                afterId,
                size + 1);
        return pageTokens.page(page, size, fingerprint, c -> List.of(c.receiveTime.toString(), c.id.toString()));
    }

    /**
     * The statistics of a unit (and, if asked, every unit below it) for complaints received in [from,
     * to); a unit outside the caller's units is NOT_FOUND.
     */
    public ComplaintRepository.Statistics statistics(
            String unitId, boolean includeDescendants, Instant from, Instant to) {
        Violations.parseId("unit_id", unitId);
        checkPeriod(from, to);
        return store.statistics(units(unitId, includeDescendants, scope.current()), from, to);
    }

    /**
     * Hands the statistics of every unit with complaints received in [from, to) to {@code each}, in
     * unit id order, as the database produces them: the same figures as {@link #statistics} for each
     * unit alone. {@code each} runs inside the transaction that holds the cursor, so it must only send
     * the figures on, never call another service. Only the units the caller may see.
     */
    public void everyUnitStatistics(Instant from, Instant to, Consumer<ComplaintRepository.UnitStatistics> each) {
        checkPeriod(from, to);
        store.everyUnitStatistics(from, to, scope.current().units().orElse(null), config.feedFetchSize(), each);
    }

    /**
     * A statistics period: both ends given, the end after the start and at most {@link
     * #LONGEST_PERIOD} later, the start not in the future (the end may be: the period so far).
     */
    private static void checkPeriod(Instant from, Instant to) {
        new Violations()
                .check(from != null, "period_start", "is required")
                .check(to != null, "period_end", "is required")
                .check(from == null || !from.isAfter(Instant.now()), "period_start", "must not lie in the future")
                .check(from == null || to == null || to.isAfter(from), "period_end", "must be after period_start")
                .check(
                        from == null || to == null || !to.isAfter(from.plus(LONGEST_PERIOD)),
                        "period_end",
                        "must be at most " + LONGEST_PERIOD.toDays() + " days after period_start")
                .throwIfAny();
    }

    public List<ComplaintCategoryEntity> categories() {
        return store.categories();
    }

    /**
     * The unit and, if asked, every unit below it (from standards-service); NOT_FOUND for a unit the
     * caller may not see (the units below one it sees are all its own).
     */
    private List<UUID> units(String unitId, boolean includeDescendants, ComplaintScope.Visible visible) {
        UUID unit = Violations.parseId("unit_id", unitId);
        visible.requireUnit(unit);
        List<UUID> units = new ArrayList<>();
        units.add(unit);
        if (includeDescendants) {
            standards.descendants(unit).stream().filter(visible::seesUnit).forEach(units::add);
        }
        return units;
    }
}
