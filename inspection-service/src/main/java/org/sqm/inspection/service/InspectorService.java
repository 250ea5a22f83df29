package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageToken;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.InspectionKind;
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
            Instant validUntil,
            List<InspectionKind> qualifiedKinds,
            String pseudonym) {}

    /** One page of inspectors and the token of the next page (empty at the end). */
    public record InspectorPage(List<InspectorEntity> inspectors, String nextPageToken) {}

    /** Registers an inspector, or returns the one an earlier call with the same request id registered. */
    public InspectorEntity create(NewInspector inspector, String requestId) {
        Violations v = new Violations()
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
                .maxLength("request_id", requestId, 100);
        qualifications(inspector, v);
        v.throwIfAny();
        return IdempotentCreate.create(
                requestId,
                inspectors::findByRequestId,
                () -> insert(inspector, requestId),
                constraint -> switch (constraint) {
                    case "uk_inspector_certificate_number" -> new AlreadyExistsException(
                            "inspector", "certificate_number", inspector.certificateNumber());
                    case "uk_inspector_pseudonym" -> new AlreadyExistsException(
                            "inspector", "pseudonym", inspector.pseudonym());
                    default -> null;
                });
    }

    /** Qualified kinds: at least one, all known, none twice; mystery shoppers need a pseudonym. */
    private static void qualifications(NewInspector inspector, Violations v) {
        List<InspectionKind> kinds = inspector.qualifiedKinds();
        v.check(!kinds.isEmpty(), "inspector.qualified_kinds", "needs at least one kind of inspection");
        Set<InspectionKind> seen = EnumSet.noneOf(InspectionKind.class);
        for (int i = 0; i < kinds.size(); i++) {
            InspectionKind kind = kinds.get(i);
            v.check(kind != null, "inspector.qualified_kinds[" + i + "]", "is not one of the documented values");
            v.check(kind == null || seen.add(kind), "inspector.qualified_kinds[" + i + "]", "is listed twice");
        }
        boolean shopper = kinds.contains(InspectionKind.MYSTERY_SHOPPING);
        v.check(
                !shopper
                        || (inspector.pseudonym() != null
                                && !inspector.pseudonym().isBlank()),
                "inspector.pseudonym",
                "is required for a mystery shopper, who appears under it in reports");
        v.maxLength("inspector.pseudonym", inspector.pseudonym(), 64);
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
        entity.qualifiedKinds.addAll(inspector.qualifiedKinds());
        entity.pseudonym =
                inspector.pseudonym() == null || inspector.pseudonym().isBlank()
                        ? null
                        : inspector.pseudonym().strip();
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
