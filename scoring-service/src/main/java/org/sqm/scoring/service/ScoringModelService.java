package org.sqm.scoring.service;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.convert.ProtoEnums;
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
import org.sqm.commons.persistence.UniqueViolation;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.domain.ScoringModelEntity;
import org.sqm.scoring.domain.ScoringModelState;
import org.sqm.scoring.repository.ScoringModelRepository;

/**
 * The lifecycle of scoring model versions: a draft (version 1 of a code, or the next version), changed
 * while a draft, published (frozen for good, retiring the version published for the same unit type
 * in the same transaction) and retired. Every method is one transaction of database work.
 */
@ApplicationScoped
@Transactional
public class ScoringModelService {

    static final List<String> UPDATABLE = List.of(
            "name",
            "description",
            "components",
            "missing_source_policy",
            "roll_up",
            "deduction_rule_codes",
            "deduction_cap_points",
            "base_score",
            "grade_bands",
            "spot_check_triggers");
    private static final FieldMaskUtil.MergeOptions REPLACE = new FieldMaskUtil.MergeOptions()
            .setReplaceMessageFields(true)
            .setReplaceRepeatedFields(true)
            .setReplacePrimitiveFields(true);
    private static final String ONE_DRAFT = "uk_scoring_model_one_draft";
    private static final String CODE_VERSION = "uk_scoring_model_code_version";
    private static final String ONE_PUBLISHED = "uk_scoring_model_one_published";

    private final ScoringModelRepository models;
    private final ScoringModelReferences references;
    private final PageTokens pageTokens;

    public ScoringModelService(
            ScoringModelRepository models, ScoringModelReferences references, PageTokens pageTokens) {
        this.models = models;
        this.references = references;
        this.pageTokens = pageTokens;
    }

    /**
     * Which versions a list shows; null for any.
     *
     * @param unitTypeKnown false when the caller named a unit type this version does not know
     * @param stateKnown    false when the caller named a state this version does not know
     */
    public record Filter(
            String code, String unitType, boolean unitTypeKnown, ScoringModelState state, boolean stateKnown) {}

    /**
     * Creates a draft: version 1 of a new code or the next version of a known one, or returns the draft
     * an earlier call with the same request id created.
     */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public ScoringModelEntity create(ScoringModel model, String requestId) {
        ScoringModel draft = ScoringModelDocument.normalised(model);
        Violations v = new Violations();
        ScoringModelCheck.check(draft, "scoring_model", references.known(List.of(draft)), v);
        v.maxLength("request_id", requestId, 100).throwIfAny();
        String fingerprint = IdempotentCreate.fingerprint(ScoringModelDocument.json(draft));
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                e -> e.requestHash,
                models::findByRequestId,
                () -> insertNextVersion(draft, requestId, fingerprint),
                constraint -> constraint.equals(ONE_DRAFT) || constraint.equals(CODE_VERSION)
                        ? draftExists(draft.getCode())
                        : null);
    }

    private ScoringModelEntity insertNextVersion(ScoringModel draft, String requestId, String fingerprint) {
        String unitType = ProtoEnums.shortName(draft.getUnitType());
        Optional<ScoringModelEntity> latest = models.latest(draft.getCode());
        if (latest.isPresent() && !latest.get().unitType.equals(unitType)) {
            throw new InvalidArgumentException(
                    "scoring_model.unit_type",
                    "must be " + ProtoEnums.fromShortName(latest.get().unitType, UnitType.class)
                            + ", the unit type of the other versions of " + draft.getCode());
        }
        if (latest.isPresent() && models.hasDraft(draft.getCode())) {
            throw draftExists(draft.getCode());
        }
        ScoringModelEntity e =
                newVersion(draft, latest.map(l -> l.versionNumber).orElse(0) + 1);
        e.requestId = Texts.emptyToNull(requestId);
        e.requestHash = e.requestId == null ? null : fingerprint;
        try {
            models.persistAndFlush(e);
        } catch (PersistenceException ex) {
            // A racing create of the same code, translated here: IdempotentCreate reads the constraint
            // with commons' UniqueViolation, which cannot name it for a batched insert (see violated).
            if (violated(ex, ONE_DRAFT, CODE_VERSION)) {
                throw draftExists(draft.getCode());
            }
            throw ex;
        }
        return e;
    }

    /**
     * Creates version 1 of a code that has none and publishes it, retiring the version published for
     * its unit type until now (what a catalogue load does). The model must have been checked. Fails
     * with ALREADY_EXISTS when the code has a version, also one a racing call just created.
     */
    public ScoringModelEntity createPublished(ScoringModel model) {
        ScoringModel draft = ScoringModelDocument.normalised(model);
        if (models.latest(draft.getCode()).isPresent()) {
            throw new AlreadyExistsException("scoring_model", "code", draft.getCode());
        }
        ScoringModelEntity e = newVersion(draft, 1);
        try {
            models.persistAndFlush(e);
        } catch (PersistenceException ex) {
            if (violated(ex, CODE_VERSION, ONE_DRAFT)) {
                throw new AlreadyExistsException("scoring_model", "code", draft.getCode());
            }
            throw ex;
        }
        return publish(e);
    }

    private static ScoringModelEntity newVersion(ScoringModel draft, int versionNumber) {
        ScoringModelEntity e = new ScoringModelEntity();
        e.id = UUID.randomUUID();
        e.code = draft.getCode();
        e.versionNumber = versionNumber;
        e.unitType = ProtoEnums.shortName(draft.getUnitType());
        e.state = ScoringModelState.DRAFT;
        e.createTime = now();
        apply(e, draft);
        return e;
    }

    private static void apply(ScoringModelEntity e, ScoringModel draft) {
        e.name = draft.getName();
        e.description = Texts.blankToNull(draft.getDescription());
        e.definition = ScoringModelDocument.definition(draft);
        e.updateTime = now();
    }

    /** Returns the version with that id. */
    public ScoringModelEntity get(String id) {
        return find("id", id);
    }

    /** The code's version with the highest number, if the code has any. */
    public Optional<ScoringModelEntity> latest(String code) {
        return models.latest(code);
    }

    /** Lists versions by code, then version. */
    public PageTokens.Page<ScoringModelEntity> list(int pageSize, String pageToken, Filter filter) {
        new Violations()
                .check(filter.unitTypeKnown(), "unit_type", "must be one of the unit types, or unset for any")
                .check(filter.stateKnown(), "state", "must be one of the states, or unset for any")
                .throwIfAny();
        int size = PageTokens.pageSize(pageSize);
        String code = Texts.emptyToNull(filter.code());
        String query = "scoring-models:" + code + ":" + filter.unitType() + ":" + filter.state();
        List<String> after = pageTokens.decode(pageToken, query, 2);
        List<ScoringModelEntity> page = after.isEmpty()
                ? models.page("", 0, code, filter.unitType(), filter.state(), size + 1)
                : models.page(
                        after.get(0),
                        Integer.parseInt(after.get(1)),
                        code,
                        filter.unitType(),
                        filter.state(),
                        size + 1);
        return pageTokens.page(page, size, query, m -> List.of(m.code, String.valueOf(m.versionNumber)));
    }

    /** Changes the masked fields of a draft; {@code change} carries the id, the etag and the new values. */
    public ScoringModelEntity update(ScoringModel change, List<String> mask) {
        new Violations().updateMask(mask, UPDATABLE).throwIfAny();
        ScoringModelEntity e = find("scoring_model.id", change.getId());
        Etags.require(change.getEtag(), e.revision, "scoring model", change.getId(), "scoring_model.etag");
        requireDraft(e);
        ScoringModel.Builder merged = ScoringModelDocument.toProto(e).toBuilder();
        FieldMaskUtil.merge(FieldMask.newBuilder().addAllPaths(mask).build(), change, merged, REPLACE);
        ScoringModel draft = ScoringModelDocument.normalised(merged.build());
        Violations v = new Violations();
        ScoringModelCheck.check(draft, "scoring_model", references.known(List.of(draft)), v);
        v.throwIfAny();
        apply(e, draft);
        flush(e);
        return e;
    }

    /** Publishes a draft and retires the version published for its unit type until now. */
    public ScoringModelEntity publish(String id, String etag) {
        ScoringModelEntity e = find("id", id);
        Etags.require(etag, e.revision, "scoring model", id, "etag");
        requireDraft(e);
        return publish(e);
    }

    private ScoringModelEntity publish(ScoringModelEntity e) {
        Instant now = now();
        // The predecessor is retired and flushed first: the partial unique index on the published
        // version of a unit type then only trips over a publication racing this one (ABORTED).
        Optional<ScoringModelEntity> predecessor = models.published(e.unitType);
        predecessor.ifPresent(p -> {
            p.state = ScoringModelState.RETIRED;
            p.retireTime = now;
            p.updateTime = now;
        });
        flush(e);
        e.state = ScoringModelState.PUBLISHED;
        e.publishTime = now;
        e.updateTime = now;
        flush(e);
        return e;
    }

    /** Retires a published version without a successor. */
    public ScoringModelEntity retire(String id, String etag) {
        ScoringModelEntity e = find("id", id);
        Etags.require(etag, e.revision, "scoring model", id, "etag");
        if (e.state != ScoringModelState.PUBLISHED) {
            throw new FailedPreconditionException(
                    "MODEL_NOT_PUBLISHED",
                    "scoring model " + e.code + " version " + e.versionNumber + " is " + e.state
                            + "; only the published version can be retired",
                    Map.of("id", id, "state", e.state.name()));
        }
        e.state = ScoringModelState.RETIRED;
        e.retireTime = now();
        e.updateTime = e.retireTime;
        flush(e);
        return e;
    }

    private ScoringModelEntity find(String field, String id) {
        return models.findByIdOptional(Violations.parseId(field, id))
                .orElseThrow(() -> new NotFoundException("scoring_model", id));
    }

    private static void requireDraft(ScoringModelEntity e) {
        if (e.state != ScoringModelState.DRAFT) {
            throw new FailedPreconditionException(
                    "MODEL_NOT_DRAFT",
                    "scoring model " + e.code + " version " + e.versionNumber + " is " + e.state
                            + " and never changes; create the next version instead",
                    Map.of("id", e.id.toString(), "state", e.state.name()));
        }
    }

    private static FailedPreconditionException draftExists(String code) {
        return new FailedPreconditionException(
                "DRAFT_ALREADY_EXISTS",
                "scoring model " + code + " already has a draft; change or publish it first",
                Map.of("code", code));
    }

    /** Writes the changes now, so that a stale version or a racing publication is this call's error. */
    private void flush(ScoringModelEntity e) {
        try {
            models.flush();
        } catch (OptimisticLockException ex) {
            throw new ConcurrentModificationException("scoring model", e.id.toString());
        } catch (PersistenceException ex) {
            if (violated(ex, ONE_PUBLISHED)) {
                throw new ConcurrentModificationException("scoring model", e.id.toString());
            }
            throw ex;
        }
    }

    /** Whether the write failed on one of the named unique constraints. */
    private static boolean violated(PersistenceException ex, String... constraints) {
        return UniqueViolation.constraintOf(ex)
                .filter(List.of(constraints)::contains)
                .isPresent();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
