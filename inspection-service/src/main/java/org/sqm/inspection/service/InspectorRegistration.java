package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.AuthorityLevel;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.repository.InspectorRepository;

/**
 * Registers inspectors. The insert is a short transaction of its own (through IdempotentCreate, so a
 * racing retry reads the winner's inspector), never part of a caller's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class InspectorRegistration {

    /** A token subject: printable, no white space (an e-mail address, a UUID, an LDAP uid). */
    static final Pattern SUBJECT = Pattern.compile("[^\\s\\p{Cntrl}]{1,200}");

    static final Pattern CERTIFICATE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,63}");

    private final InspectorRepository inspectors;

    private final Clock clock;

    public InspectorRegistration(InspectorRepository inspectors, Clock clock) {
        this.inspectors = inspectors;
        this.clock = clock;
    }

    /** What a caller asks to register. */
    public record NewInspector(
            String name,
            String certificateNumber,
            AuthorityLevel authorityLevel,
            Instant validFrom,
            Instant validUntil,
            List<InspectionKind> qualifiedKinds,
            String pseudonym,
            String subject) {}

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
        if (Texts.notBlank(inspector.subject())) {
            v.requirePattern(
                    "inspector.subject",
                    inspector.subject(),
                    SUBJECT,
                    "must be the subject of the inspector's tokens: 1 to 200 characters without spaces");
        }
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
                    case "uk_inspector_subject" -> new AlreadyExistsException(
                            "inspector", "subject", inspector.subject());
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
                !shopper || Texts.notBlank(inspector.pseudonym()),
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
                Texts.notBlank(inspector.pseudonym()) ? inspector.pseudonym().strip() : null;
        entity.subject = Texts.notBlank(inspector.subject()) ? inspector.subject() : null;
        entity.requestId = Texts.emptyToNull(requestId);
        entity.createTime = Clocks.now(clock);
        inspectors.persistAndFlush(entity);
        return entity;
    }
}
