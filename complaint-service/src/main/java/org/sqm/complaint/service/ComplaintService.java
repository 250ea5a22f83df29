package org.sqm.complaint.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageToken;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.complaint.domain.ComplaintChannel;
import org.sqm.complaint.domain.ComplaintEntity;
import org.sqm.complaint.repository.ComplaintRepository;

/** The rules for taking in complaints. */
@ApplicationScoped
public class ComplaintService {

    private static final String LIST_QUERY = "complaints:newest-first";
    // Clocks of callers and of this service differ a little; a receipt this far ahead is still "now".
    private static final long CLOCK_SKEW_SECONDS = 300;

    private final ComplaintRepository complaints;

    public ComplaintService(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    /** What a caller asks to record; {@code receiveTime} null means "now". */
    public record NewComplaint(String unitId, ComplaintChannel channel, String description, Instant receiveTime) {}

    /** One page of complaints and the token of the next page (empty at the end). */
    public record ComplaintPage(List<ComplaintEntity> complaints, String nextPageToken) {}

    /** Records a complaint, or returns the one an earlier call with the same request id recorded. */
    public ComplaintEntity create(NewComplaint complaint, String requestId) {
        Instant now = Instant.now();
        new Violations()
                .optionalId("complaint.unit_id", complaint.unitId())
                .check(complaint.unitId() != null && !complaint.unitId().isEmpty(), "complaint.unit_id", "is required")
                .requireEnum("complaint.channel", complaint.channel() != null)
                .requireText("complaint.description", complaint.description(), 10_000)
                .check(
                        complaint.receiveTime() == null
                                || !complaint.receiveTime().isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS)),
                        "complaint.receive_time",
                        "must not lie in the future")
                .maxLength("request_id", requestId, 100)
                .throwIfAny();
        return IdempotentCreate.create(
                requestId, complaints::findByRequestId, () -> insert(complaint, requestId, now), constraint -> null);
    }

    private ComplaintEntity insert(NewComplaint complaint, String requestId, Instant now) {
        ComplaintEntity entity = new ComplaintEntity();
        entity.id = UUID.randomUUID();
        entity.createTime = now.truncatedTo(ChronoUnit.MICROS);
        entity.receiveTime = complaint.receiveTime() == null
                ? entity.createTime
                : complaint.receiveTime().truncatedTo(ChronoUnit.MICROS);
        entity.reference = "C-%d-%06d"
                .formatted(entity.receiveTime.atZone(ZoneOffset.UTC).getYear(), complaints.nextReferenceNumber());
        entity.unitId = UUID.fromString(complaint.unitId());
        entity.channel = complaint.channel();
        entity.description = complaint.description().strip();
        entity.requestId = requestId == null || requestId.isEmpty() ? null : requestId;
        complaints.persistAndFlush(entity);
        return entity;
    }

    /** Returns the complaint with that id. */
    @Transactional
    public ComplaintEntity get(String id) {
        return complaints
                .findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("complaint", id));
    }

    /** Lists complaints, newest receipt first. */
    @Transactional
    public ComplaintPage list(int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        List<String> after = PageToken.decode(pageToken, LIST_QUERY, 2);
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
        List<ComplaintEntity> page = complaints.pageNewestFirst(afterTime, afterId, size + 1);
        if (page.size() <= size) {
            return new ComplaintPage(page, "");
        }
        List<ComplaintEntity> shown = List.copyOf(page.subList(0, size));
        ComplaintEntity last = shown.get(size - 1);
        return new ComplaintPage(shown, PageToken.encode(LIST_QUERY, last.receiveTime.toString(), last.id.toString()));
    }
}
