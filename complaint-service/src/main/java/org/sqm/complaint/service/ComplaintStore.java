package org.sqm.complaint.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.Etags;
import org.sqm.complaint.domain.ComplaintAction;
import org.sqm.complaint.domain.ComplaintCategoryEntity;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.domain.ComplaintEventEntity;
import org.sqm.complaint.domain.ComplaintStatus;
import org.sqm.complaint.repository.ComplaintCategoryRepository;
import org.sqm.complaint.repository.ComplaintEventRepository;
import org.sqm.complaint.repository.ComplaintRepository;

/**
 * The complaint rows: every public method is one short transaction of its own, and nothing here calls
 * another service. The classes that do ({@link ComplaintIntake}, {@link ComplaintLifecycle}, ...)
 * compute what they need from standards-service between two of these transactions.
 */
@ApplicationScoped
@Transactional
public class ComplaintStore {

    /** The actor of what the service does by itself. */
    static final String SYSTEM = "system";

    private final ComplaintRepository complaints;
    private final ComplaintEventRepository events;
    private final ComplaintCategoryRepository categories;

    public ComplaintStore(
            ComplaintRepository complaints, ComplaintEventRepository events, ComplaintCategoryRepository categories) {
        this.complaints = complaints;
        this.events = events;
        this.categories = categories;
    }

    /**
     * The complaint as it is now, deadlines and pauses loaded; {@code field} names the id in errors. A
     * complaint the caller may not see is NOT_FOUND, as one that does not exist.
     */
    @ReadOnlyTransaction
    public ComplaintEntity read(String field, String id, ComplaintScope.Visible visible) {
        return visible.require(
                complaints
                        .findByIdOptional(Violations.parseId(field, id))
                        .orElseThrow(() -> new NotFoundException("complaint", id)),
                id);
    }

    /** The complaint and its history as they are now, if the caller may see it. */
    @ReadOnlyTransaction
    public ComplaintDetail readWithHistory(String id, ComplaintScope.Visible visible) {
        ComplaintEntity e = read("id", id, visible);
        return ComplaintDetail.written(e, events.history(e.id));
    }

    /** The complaint an earlier call with this request id created, if any. */
    @ReadOnlyTransaction
    public Optional<ComplaintEntity> findByRequestId(String requestId) {
        return complaints.findByRequestId(requestId);
    }

    /** What one change did to a complaint: the events it records join the history. */
    public final class Change {
        private final ComplaintEntity complaint;
        private final Instant time;
        // Batch intake collects the events to insert them in one JDBC batch; null: persist each at once.
        private final List<ComplaintEventEntity> collected;
        private final List<ComplaintEventEntity> recorded = new ArrayList<>();

        private Change(ComplaintEntity complaint, Instant time) {
            this(complaint, time, null);
        }

        private Change(ComplaintEntity complaint, Instant time, List<ComplaintEventEntity> collected) {
            this.complaint = complaint;
            this.time = time;
            this.collected = collected;
        }

        public ComplaintEntity complaint() {
            return complaint;
        }

        /** The instant of the change: the update time of the complaint and the time of its events. */
        public Instant time() {
            return time;
        }

        /** Appends an event to the history; a blank actor is the API's. */
        public void record(String actor, String action, ComplaintStatus from, ComplaintStatus to, String note) {
            ComplaintEventEntity event = new ComplaintEventEntity();
            event.complaintId = complaint.id;
            event.time = time;
            event.actor = Texts.notBlank(actor) ? actor : "api";
            event.action = action;
            event.fromStatus = from;
            event.toStatus = to;
            event.note = Texts.blankToNull(note);
            if (collected == null) {
                events.persist(event);
            } else {
                collected.add(event);
            }
            recorded.add(event);
        }
    }

    /**
     * Changes the complaint the caller last read at {@code etag}, at {@code time}: checks the etag,
     * runs {@code change}, records its events and flushes, all in one transaction, and answers with
     * what it wrote. The etag is the row version, so a complaint whose etag still matches is exactly
     * the one the caller prepared the change for; a concurrent change in between is ABORTED. A
     * complaint the caller may not see is NOT_FOUND before its etag is looked at.
     */
    public ComplaintDetail change(
            String id, String etag, Instant time, ComplaintScope.Visible visible, Consumer<Change> change) {
        ComplaintEntity e = read("id", id, visible);
        Etags.require(etag, e.version, "complaint", id, "etag");
        e.updateTime = time;
        change.accept(new Change(e, time));
        try {
            complaints.flush();
        } catch (OptimisticLockException ex) {
            throw new ConcurrentModificationException("complaint", id);
        }
        return ComplaintDetail.written(e, events.history(e.id));
    }

    /** A change of a complaint that the caller's own transaction holds (the deadline watch's). */
    public Change changeOf(ComplaintEntity e, Instant time) {
        return new Change(e, time);
    }

    /**
     * Inserts a new complaint with its first events; answers with what it wrote. A new complaint's
     * history is exactly the events just recorded, in order, so it is not read back (a query less per
     * intake).
     */
    public ComplaintDetail insert(ComplaintEntity e, Consumer<Change> events) {
        return insertAll(List.of(e), (complaint, change) -> events.accept(change))
                .get(0);
    }

    /** The complaints earlier calls created with these request ids, with their histories, in two queries. */
    @ReadOnlyTransaction
    public List<ComplaintDetail> findByRequestIds(Collection<String> requestIds) {
        List<ComplaintEntity> found = complaints.findByRequestIds(requestIds);
        Map<UUID, List<ComplaintEventEntity>> histories =
                events.histories(found.stream().map(e -> e.id).toList());
        return found.stream()
                .map(e -> ComplaintDetail.written(e, histories.getOrDefault(e.id, List.of())))
                .toList();
    }

    /**
     * Inserts new complaints with their deadlines and first events in the caller's transaction, each
     * kind of row in plain JDBC batches (see {@link ComplaintRepository#insertAll}); single and batch
     * intake write through here alike. Answers with what it wrote, in order.
     */
    public List<ComplaintDetail> insertAll(
            List<ComplaintEntity> news, BiConsumer<ComplaintEntity, Change> firstEvents) {
        List<List<ComplaintEventEntity>> histories = new ArrayList<>(news.size());
        List<ComplaintEventEntity> all = new ArrayList<>(news.size() * 2);
        for (ComplaintEntity e : news) {
            List<ComplaintEventEntity> history = new ArrayList<>(2);
            firstEvents.accept(e, new Change(e, e.createTime, history));
            histories.add(history);
            all.addAll(history);
        }
        complaints.insertAll(news);
        events.insertAll(all);
        List<ComplaintDetail> written = new ArrayList<>(news.size());
        for (int i = 0; i < news.size(); i++) {
            written.add(ComplaintDetail.written(news.get(i), histories.get(i)));
        }
        return written;
    }

    /** As many numbers of the yearly complaint references as asked for, in one round trip. */
    public List<Long> nextReferenceNumbers(int count) {
        return complaints.nextReferenceNumbers(count);
    }

    /** The next number of the yearly complaint references. */
    public long nextReferenceNumber() {
        return complaints.nextReferenceNumber();
    }

    /** One page of complaints, newest receipt first, after the given one (null: from the start). */
    @ReadOnlyTransaction
    public List<ComplaintEntity> page(
            ComplaintRepository.Filter filter, Instant afterReceiveTime, UUID afterId, int limit) {
        return complaints.page(filter, afterReceiveTime, afterId, limit);
    }

    /** The statistics of the complaints about the units received in [from, to). */
    @ReadOnlyTransaction
    public ComplaintRepository.Statistics statistics(Collection<UUID> units, Instant from, Instant to) {
        return complaints.statistics(units, from, to);
    }

    /**
     * Hands the statistics of every unit with complaints received in [from, to) to {@code each}, unit
     * by unit, while one read-only transaction holds the database cursor they come from. {@code each}
     * must not call another service (it sends the figures on to the caller, nothing else). Null
     * {@code visibleUnits}: every unit.
     */
    public void everyUnitStatistics(
            Instant from,
            Instant to,
            Collection<UUID> visibleUnits,
            int fetchSize,
            Consumer<ComplaintRepository.UnitStatistics> each) {
        complaints.everyUnitStatistics(from, to, visibleUnits, fetchSize, each);
    }

    @ReadOnlyTransaction
    public List<ComplaintCategoryEntity> categories() {
        return categories.listAll(Sort.by("code"));
    }

    @ReadOnlyTransaction
    public boolean categoryExists(String code) {
        return categories.findByIdOptional(code).isPresent();
    }

    /** Refuses a move the lifecycle does not allow from the complaint's status. */
    static void requireAllowed(ComplaintEntity e, ComplaintAction action) {
        if (!action.allowedFrom(e.status)) {
            throw new FailedPreconditionException(
                    "TRANSITION_NOT_ALLOWED",
                    "cannot " + action.name().toLowerCase().replace('_', ' ') + " a complaint that is " + e.status,
                    Map.of("status", e.status.name(), "action", action.name()));
        }
    }
}
