package org.sqm.standards.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.Etags;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.standards.domain.ServiceChannel;
import org.sqm.standards.domain.StandardContent;
import org.sqm.standards.domain.StandardEntity;
import org.sqm.standards.domain.StandardStatus;
import org.sqm.standards.domain.UnitType;
import org.sqm.standards.repository.StandardRepository;

/** The lifecycle of service standards: draft, publish (frozen for good), new version, retire; one transaction each. */
@ApplicationScoped
@Transactional
public class StandardService {

    static final List<String> UPDATABLE = List.of(
            "title",
            "description",
            "effective_from",
            "effective_until",
            "unit_types",
            "channels",
            "rating_scale",
            "criteria",
            "service_level_targets");
    static final int MAX_DOCUMENT_CHARS = 4 * 1024 * 1024;

    private final StandardRepository standards;
    private final ObjectMapper json;
    private final ObjectReader documentReader;
    private final PageTokens pageTokens;

    public StandardService(StandardRepository standards, ObjectMapper json, PageTokens pageTokens) {
        this.standards = standards;
        this.json = json;
        this.pageTokens = pageTokens;
        this.documentReader = json.readerFor(StandardDocument.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * A standard as a caller writes it. Unknown enum values arrive as null list entries so that
     * they can be reported field by field.
     */
    public record StandardDraft(
            String code,
            String title,
            String description,
            String effectiveFrom,
            String effectiveUntil,
            List<UnitType> unitTypes,
            List<ServiceChannel> channels,
            StandardContent content) {}

    /** One page of standards and the token of the next page (empty at the end). */

    /** Creates version 1 of a new standard as a draft. */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public StandardEntity create(StandardDraft draft, String requestId) {
        Violations v = new Violations()
                .requirePattern(
                        "standard.code",
                        draft.code(),
                        UnitService.CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .maxLength("request_id", requestId, 100);
        StandardValidator.shape(draft, "standard", v);
        v.throwIfAny();
        return IdempotentCreate.create(
                requestId,
                standards::findByRequestId,
                () -> {
                    if (standards.existsByCode(draft.code())) {
                        throw new AlreadyExistsException("standard", "code", draft.code());
                    }
                    return insert(draft, 1, requestId);
                },
                constraint ->
                        constraint.equals("uk_standard_code_version") || constraint.equals("uk_standard_one_draft")
                                ? new AlreadyExistsException("standard", "code", draft.code())
                                : null);
    }

    private StandardEntity insert(StandardDraft draft, int versionNumber, String requestId) {
        StandardEntity entity = new StandardEntity();
        entity.id = UUID.randomUUID();
        entity.code = draft.code();
        entity.versionNumber = versionNumber;
        entity.status = StandardStatus.DRAFT;
        entity.requestId = Texts.emptyToNull(requestId);
        entity.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(entity, draft);
        standards.persistAndFlush(entity);
        return entity;
    }

    private static void apply(StandardEntity entity, StandardDraft draft) {
        entity.title = draft.title().strip();
        entity.description = Texts.blankToNull(draft.description());
        entity.effectiveFrom = date(draft.effectiveFrom());
        entity.effectiveUntil = date(draft.effectiveUntil());
        entity.unitTypes = List.copyOf(draft.unitTypes());
        entity.channels = List.copyOf(draft.channels());
        entity.content = draft.content();
        entity.updateTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @ReadOnlyTransaction
    public StandardEntity get(String id) {
        return find("id", id);
    }

    private StandardEntity find(String field, String id) {
        return standards
                .findByIdOptional(Violations.parseId(field, id))
                .orElseThrow(() -> new NotFoundException("standard", id));
    }

    /** Lists versions by code then version number. */
    @ReadOnlyTransaction
    public PageTokens.Page<StandardEntity> list(int pageSize, String pageToken, String code, StandardStatus status) {
        int size = PageTokens.pageSize(pageSize);
        String onlyCode = Texts.emptyToNull(code);
        String query = "standards:" + onlyCode + ":" + status;
        List<String> after = pageTokens.decode(pageToken, query, 2);
        int afterVersion = after.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(after.get(1));
        List<StandardEntity> page = after.isEmpty()
                ? standards.page("", 0, onlyCode, status, size + 1)
                : standards.page(after.get(0), afterVersion, onlyCode, status, size + 1);
        return pageTokens.page(page, size, query, s -> List.of(s.code, String.valueOf(s.versionNumber)));
    }

    /** Changes the masked fields of a draft. */
    public StandardEntity update(String id, String etag, List<String> mask, StandardDraft change) {
        new Violations().updateMask(mask, UPDATABLE).throwIfAny();
        StandardEntity entity = find("standard.id", id);
        Etags.require(etag, entity.revision, "standard", id, "standard.etag");
        requireDraft(entity);
        StandardDraft current = toDraft(entity);
        StandardContent content = new StandardContent(
                mask.contains("rating_scale")
                        ? change.content().ratingScale()
                        : current.content().ratingScale(),
                mask.contains("criteria")
                        ? change.content().criteria()
                        : current.content().criteria(),
                mask.contains("service_level_targets")
                        ? change.content().serviceLevelTargets()
                        : current.content().serviceLevelTargets());
        StandardDraft merged = new StandardDraft(
                entity.code,
                mask.contains("title") ? change.title() : current.title(),
                mask.contains("description") ? change.description() : current.description(),
                mask.contains("effective_from") ? change.effectiveFrom() : current.effectiveFrom(),
                mask.contains("effective_until") ? change.effectiveUntil() : current.effectiveUntil(),
                mask.contains("unit_types") ? change.unitTypes() : current.unitTypes(),
                mask.contains("channels") ? change.channels() : current.channels(),
                content);
        Violations v = new Violations();
        StandardValidator.shape(merged, "standard", v);
        v.throwIfAny();
        apply(entity, merged);
        return flush(entity);
    }

    /** Validates the whole draft and freezes it. */
    public StandardEntity publish(String id, String etag) {
        StandardEntity entity = find("id", id);
        Etags.require(etag, entity.revision, "standard", id, "etag");
        requireDraft(entity);
        StandardDraft draft = toDraft(entity);
        Violations v = new Violations();
        StandardValidator.shape(draft, "standard", v);
        StandardValidator.completeness(draft, "standard", v);
        v.throwIfAny();
        entity.status = StandardStatus.PUBLISHED;
        entity.publishTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entity.updateTime = entity.publishTime;
        return flush(entity);
    }

    /** Retires a published version. */
    public StandardEntity retire(String id, String etag) {
        StandardEntity entity = find("id", id);
        Etags.require(etag, entity.revision, "standard", id, "etag");
        if (entity.status != StandardStatus.PUBLISHED) {
            throw new FailedPreconditionException(
                    "STANDARD_NOT_PUBLISHED", "only a published version can be retired; this one is " + entity.status);
        }
        entity.status = StandardStatus.RETIRED;
        entity.retireTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entity.updateTime = entity.retireTime;
        return flush(entity);
    }

    /** Starts the next version as a draft copy of a published or retired one. */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public StandardEntity newVersion(String sourceId, String requestId) {
        new Violations().maxLength("request_id", requestId, 100).throwIfAny();
        UUID source = Violations.parseId("source_id", sourceId);
        return IdempotentCreate.create(
                requestId,
                standards::findByRequestId,
                () -> {
                    StandardEntity from = standards
                            .findByIdOptional(source)
                            .orElseThrow(() -> new NotFoundException("standard", sourceId));
                    if (from.status == StandardStatus.DRAFT) {
                        throw new FailedPreconditionException(
                                "STANDARD_IS_DRAFT", "a draft is edited, not copied; publish it first");
                    }
                    requireNoDraft(from.code);
                    return insert(toDraft(from), standards.latestVersion(from.code) + 1, requestId);
                },
                constraint ->
                        constraint.equals("uk_standard_one_draft") || constraint.equals("uk_standard_code_version")
                                ? draftExists(sourceId)
                                : null);
    }

    /** The exchange document of a version. */
    public String export(String id) {
        StandardEntity e = find("id", id);
        StandardDraft d = toDraft(e);
        StandardDocument document = new StandardDocument(
                StandardDocument.FORMAT,
                d.code(),
                e.versionNumber,
                d.title(),
                d.description(),
                d.effectiveFrom(),
                d.effectiveUntil(),
                d.unitTypes(),
                d.channels(),
                d.content().ratingScale(),
                d.content().criteria(),
                d.content().serviceLevelTargets());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a stored standard always serialises", ex);
        }
    }

    /** Imports an exchange document as a draft: a new standard, or the next version of a known one. */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public StandardEntity importDocument(String document, String requestId) {
        new Violations()
                .requireText("document", document, MAX_DOCUMENT_CHARS)
                .maxLength("request_id", requestId, 100)
                .throwIfAny();
        StandardDocument doc = parse(document);
        StandardDraft draft = new StandardDraft(
                doc.code(),
                doc.title(),
                doc.description(),
                doc.effectiveFrom(),
                doc.effectiveUntil(),
                doc.unitTypes() == null ? List.of() : doc.unitTypes(),
                doc.channels() == null ? List.of() : doc.channels(),
                new StandardContent(doc.ratingScale(), doc.criteria(), doc.serviceLevelTargets()));
        Violations v = new Violations()
                .check(
                        StandardDocument.FORMAT.equals(doc.format()),
                        "document.format",
                        "must be " + StandardDocument.FORMAT)
                .requirePattern("document.code", doc.code(), UnitService.CODE, "must be a standard code");
        StandardValidator.shape(draft, "document", v);
        v.throwIfAny();
        return IdempotentCreate.create(
                requestId,
                standards::findByRequestId,
                () -> {
                    requireNoDraft(doc.code());
                    return insert(draft, standards.latestVersion(doc.code()) + 1, requestId);
                },
                constraint ->
                        constraint.equals("uk_standard_one_draft") || constraint.equals("uk_standard_code_version")
                                ? draftExists(doc.code())
                                : null);
    }

    private StandardDocument parse(String document) {
        try {
            StandardDocument doc = documentReader.readValue(document);
            if (doc == null) {
                throw new InvalidArgumentException("document", "must be a JSON object");
            }
            return doc;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new InvalidArgumentException("document" + path, "has the wrong type or is not part of the format");
        } catch (JsonProcessingException e) {
            throw new InvalidArgumentException(
                    "document",
                    "is not well-formed JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    private void requireNoDraft(String code) {
        if (standards.hasDraft(code)) {
            throw draftExists(code);
        }
    }

    private static FailedPreconditionException draftExists(String code) {
        return new FailedPreconditionException(
                "STANDARD_DRAFT_EXISTS", "standard " + code + " already has a draft; edit or publish it first");
    }

    private static void requireDraft(StandardEntity entity) {
        if (entity.status != StandardStatus.DRAFT) {
            throw new FailedPreconditionException(
                    "STANDARD_NOT_DRAFT",
                    "standard " + entity.code + " version " + entity.versionNumber + " is " + entity.status
                            + " and never changes; create a new version instead");
        }
    }

    private StandardEntity flush(StandardEntity entity) {
        try {
            standards.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModificationException("standard", entity.id.toString());
        }
        return entity;
    }

    /** The stored version as a caller would write it. */
    static StandardDraft toDraft(StandardEntity e) {
        return new StandardDraft(
                e.code,
                e.title,
                e.description,
                e.effectiveFrom == null ? null : e.effectiveFrom.toString(),
                e.effectiveUntil == null ? null : e.effectiveUntil.toString(),
                new ArrayList<>(e.unitTypes),
                new ArrayList<>(e.channels),
                e.content);
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }
}
