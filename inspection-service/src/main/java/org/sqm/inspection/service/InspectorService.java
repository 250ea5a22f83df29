package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageToken;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.repository.InspectorRepository;

/** The rules for the register of inspectors. */
@ApplicationScoped
public class InspectorService {

    static final Pattern CERTIFICATE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,63}");
    private static final String LIST_QUERY = "inspectors:by-certificate";

    private final InspectorRepository inspectors;

    public InspectorService(InspectorRepository inspectors) {
        this.inspectors = inspectors;
    }

    /** What a caller asks to register. */
    public record NewInspector(
            String name,
            String certificateNumber,
            AuthorityLevel authorityLevel,
            Instant validFrom,
            Instant validUntil) {}

    /** One page of inspectors and the token of the next page (empty at the end). */
    public record InspectorPage(List<InspectorEntity> inspectors, String nextPageToken) {}

    /** Registers an inspector, or returns the one an earlier call with the same request id registered. */
    public InspectorEntity create(NewInspector inspector, String requestId) {
        new Violations()
                .requireText("inspector.name", inspector.name(), 200)
                .requirePattern(
                        "inspector.certificate_number",
                        inspector.certificateNumber(),
                        CERTIFICATE,
                        "must be 1 to 64 letters, digits, '.', '/', '_' or '-', starting with a letter or digit")
                .requireEnum("inspector.authority_level", inspector.authorityLevel() != null)
                .check(inspector.validFrom() != null, "inspector.valid_from", "is required")
                .check(inspector.validUntil() != null, "inspector.valid_until", "is required")
                .check(
                        inspector.validFrom() == null
                                || inspector.validUntil() == null
                                || inspector.validUntil().isAfter(inspector.validFrom()),
                        "inspector.valid_until",
                        "must be after valid_from")
                .maxLength("request_id", requestId, 100)
                .throwIfAny();
        return IdempotentCreate.create(
                requestId,
                inspectors::findByRequestId,
                () -> insert(inspector, requestId),
                constraint -> constraint.equals("uk_inspector_certificate_number")
                        ? new AlreadyExistsException("inspector", "certificate_number", inspector.certificateNumber())
                        : null);
    }

    private InspectorEntity insert(NewInspector inspector, String requestId) {
        if (inspectors.existsByCertificateNumber(inspector.certificateNumber())) {
            throw new AlreadyExistsException("inspector", "certificate_number", inspector.certificateNumber());
        }
        InspectorEntity entity = new InspectorEntity();
        entity.id = UUID.randomUUID();
        entity.name = inspector.name().strip();
        entity.certificateNumber = inspector.certificateNumber();
        entity.authorityLevel = inspector.authorityLevel();
        entity.validFrom = inspector.validFrom().truncatedTo(ChronoUnit.MICROS);
        entity.validUntil = inspector.validUntil().truncatedTo(ChronoUnit.MICROS);
        entity.requestId = requestId == null || requestId.isEmpty() ? null : requestId;
        entity.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        inspectors.persistAndFlush(entity);
        return entity;
    }

    /** Returns the inspector with that id. */
    @Transactional
    public InspectorEntity get(String id) {
        return inspectors
                .findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("inspector", id));
    }

    /** Lists inspectors ordered by certificate number. */
    @Transactional
    public InspectorPage list(int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        List<String> after = PageToken.decode(pageToken, LIST_QUERY, 1);
        List<InspectorEntity> page =
                inspectors.pageByCertificateNumber(after.isEmpty() ? null : after.get(0), size + 1);
        if (page.size() <= size) {
            return new InspectorPage(page, "");
        }
        List<InspectorEntity> shown = List.copyOf(page.subList(0, size));
        return new InspectorPage(shown, PageToken.encode(LIST_QUERY, shown.get(size - 1).certificateNumber));
    }
}
