package org.sqm.complaint.service;

import static org.sqm.commons.convert.Texts.blankToNull;
import static org.sqm.commons.convert.Texts.notBlank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
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

    private final ComplaintStore store;
    private final DeadlineClock clock;
    private final Standards standards;
    private final PageTokens pageTokens;

    public ComplaintQueries(ComplaintStore store, DeadlineClock clock, Standards standards, PageTokens pageTokens) {
        this.store = store;
        this.clock = clock;
        this.standards = standards;
        this.pageTokens = pageTokens;
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
            Instant receivedBefore) {}

    /** The complaint, its history and the business time used per deadline (left out when standards-service is down). */
    public ComplaintDetail get(String id) {
        ComplaintDetail read = store.readWithHistory(id);
        return new ComplaintDetail(read.complaint(), read.history(), clock.used(read.complaint(), Instant.now()));
    }

    /** Lists complaints, newest receipt first. */
    public PageTokens.Page<ComplaintEntity> list(ListQuery query, int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        new Violations()
                .check(
                        query.receivedAfter() == null
                                || query.receivedBefore() == null
                                || query.receivedBefore().isAfter(query.receivedAfter()),
                        "received_before",
                        "must be after received_after")
                .throwIfAny();
        String fingerprint = LIST_QUERY + ":" + query;
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
        List<UUID> unitIds = notBlank(query.unitId()) ? units(query.unitId(), query.includeDescendants()) : null;
        List<ComplaintEntity> page = store.page(
                new ComplaintRepository.Filter(
                        unitIds,
                        query.status(),
                        query.overdueOnly(),
                        blankToNull(query.category()),
                        query.channel(),
                        query.receivedAfter(),
                        query.receivedBefore(),
                        Instant.now()),
                afterTime,
                afterId,
                size + 1);
        return pageTokens.page(page, size, fingerprint, c -> List.of(c.receiveTime.toString(), c.id.toString()));
    }

    /** The statistics of a unit (and, if asked, every unit below it) for complaints received in [from, to). */
    public ComplaintRepository.Statistics statistics(
            String unitId, boolean includeDescendants, Instant from, Instant to) {
        Violations.parseId("unit_id", unitId);
        new Violations()
                .check(from != null, "period_start", "is required")
                .check(to != null, "period_end", "is required")
                .check(from == null || to == null || to.isAfter(from), "period_end", "must be after period_start")
                .throwIfAny();
        return store.statistics(units(unitId, includeDescendants), from, to);
    }

    public List<ComplaintCategoryEntity> categories() {
        return store.categories();
    }

    /** The unit and, if asked, every unit below it (from standards-service). */
    private List<UUID> units(String unitId, boolean includeDescendants) {
        UUID unit = Violations.parseId("unit_id", unitId);
        List<UUID> units = new ArrayList<>();
        units.add(unit);
        if (includeDescendants) {
            units.addAll(standards.descendants(unit));
        }
        return units;
    }
}
