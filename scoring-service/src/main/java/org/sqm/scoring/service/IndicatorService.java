package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.scoring.domain.IndicatorDirection;
import org.sqm.scoring.domain.IndicatorEntity;
import org.sqm.scoring.domain.IndicatorKind;
import org.sqm.scoring.repository.IndicatorRepository;

/** The catalogue of sampled indicators; every method is one transaction of database work. */
@ApplicationScoped
@Transactional
public class IndicatorService {

    private static final String LIST_QUERY = "indicators:by-code";

    private final IndicatorRepository indicators;
    private final PageTokens pageTokens;

    public IndicatorService(IndicatorRepository indicators, PageTokens pageTokens) {
        this.indicators = indicators;
        this.pageTokens = pageTokens;
    }

    /**
     * What a caller asks to create; enums null when unset or unknown.
     *
     * @param unitType      the short name of a standards-service unit type, null for any
     * @param unitTypeKnown false when the caller named a unit type this version does not know
     */
    public record NewIndicator(
            String code,
            String name,
            String counted,
            IndicatorKind kind,
            IndicatorDirection direction,
            String unitType,
            boolean unitTypeKnown) {

        /** Whether a stored indicator says what this one says. */
        public boolean sameAs(IndicatorEntity e) {
            return e.code.equals(code)
                    && e.name.equals(name.strip())
                    && e.counted.equals(counted.strip())
                    && e.kind == kind
                    && e.direction == direction
                    && Objects.equals(e.unitType, unitType);
        }
    }

    /**
     * Creates an indicator, or returns the one an earlier call with the same request id created; the
     * same request id for another indicator is ALREADY_EXISTS (REQUEST_ID_REUSED).
     */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public IndicatorEntity create(NewIndicator indicator, String requestId) {
        Violations v = new Violations();
        check(indicator, "indicator", v);
        v.maxLength("request_id", requestId, 100).throwIfAny();
        String fingerprint = IdempotentCreate.fingerprint(
                indicator.code(),
                indicator.name(),
                indicator.counted(),
                indicator.kind().name(),
                indicator.direction().name(),
                String.valueOf(indicator.unitType()));
        return IdempotentCreate.create(
                requestId,
                fingerprint,
                e -> e.requestHash,
                indicators::findByRequestId,
                () -> insert(indicator, requestId, fingerprint),
                constraint -> constraint.equals("uk_indicator_code")
                        ? new AlreadyExistsException("indicator", "code", indicator.code())
                        : null);
    }

    /** Checks an indicator's fields, {@code path} being the field that holds it, e.g. {@code indicator}. */
    static void check(NewIndicator indicator, String path, Violations v) {
        v.requirePattern(
                        path + ".code",
                        indicator.code(),
                        DeductionRuleService.CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .requireText(path + ".name", indicator.name(), 200)
                .requireText(path + ".counted", indicator.counted(), 1000)
                .requireEnum(path + ".kind", indicator.kind() != null)
                .requireEnum(path + ".direction", indicator.direction() != null)
                .check(
                        indicator.unitTypeKnown(),
                        path + ".unit_type",
                        "must be one of the unit types of standards-service, or unset for any");
    }

    private IndicatorEntity insert(NewIndicator indicator, String requestId, String fingerprint) {
        if (indicators.findByCode(indicator.code()).isPresent()) {
            throw new AlreadyExistsException("indicator", "code", indicator.code());
        }
        IndicatorEntity e = new IndicatorEntity();
        e.id = UUID.randomUUID();
        e.code = indicator.code();
        e.name = indicator.name().strip();
        e.counted = indicator.counted().strip();
        e.kind = indicator.kind();
        e.direction = indicator.direction();
        e.unitType = indicator.unitType();
        e.requestId = Texts.emptyToNull(requestId);
        e.requestHash = e.requestId == null ? null : fingerprint;
        e.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        indicators.persistAndFlush(e);
        return e;
    }

    /** Returns the indicator with that id. */
    public IndicatorEntity get(String id) {
        return indicators
                .findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("indicator", id));
    }

    /** The indicator with the code, if any. */
    public Optional<IndicatorEntity> findByCode(String code) {
        return indicators.findByCode(code);
    }

    /** Lists indicators ordered by code. */
    public PageTokens.Page<IndicatorEntity> list(int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        List<String> after = pageTokens.decode(pageToken, LIST_QUERY, 1);
        List<IndicatorEntity> page = indicators.pageByCode(after.isEmpty() ? null : after.get(0), size + 1);
        return pageTokens.page(page, size, LIST_QUERY, i -> List.of(i.code));
    }
}
