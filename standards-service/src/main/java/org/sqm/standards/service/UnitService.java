package org.sqm.standards.service;

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
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.domain.UnitType;
import org.sqm.standards.repository.UnitRepository;

/** The rules for organisation units. */
@ApplicationScoped
public class UnitService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String LIST_QUERY = "units:by-code";

    private final UnitRepository units;

    public UnitService(UnitRepository units) {
        this.units = units;
    }

    /** What a caller asks to create. */
    public record NewUnit(String code, String name, UnitType type, String parentId) {}

    /** One page of units and the token of the next page (empty at the end). */
    public record UnitPage(List<UnitEntity> units, String nextPageToken) {}

    /** Creates a unit, or returns the one an earlier call with the same request id created. */
    public UnitEntity create(NewUnit unit, String requestId) {
        new Violations()
                .requirePattern(
                        "unit.code",
                        unit.code(),
                        CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .requireText("unit.name", unit.name(), 200)
                .requireEnum("unit.type", unit.type() != null)
                .optionalId("unit.parent_id", unit.parentId())
                .maxLength("request_id", requestId, 100)
                .throwIfAny();
        return IdempotentCreate.create(
                requestId,
                units::findByRequestId,
                () -> insert(unit, requestId),
                constraint -> constraint.equals("uk_unit_code")
                        ? new AlreadyExistsException("unit", "code", unit.code())
                        : null);
    }

    private UnitEntity insert(NewUnit unit, String requestId) {
        if (units.existsByCode(unit.code())) {
            throw new AlreadyExistsException("unit", "code", unit.code());
        }
        UUID parentId = null;
        if (unit.parentId() != null && !unit.parentId().isEmpty()) {
            parentId = UUID.fromString(unit.parentId());
            new Violations()
                    .check(units.findByIdOptional(parentId).isPresent(), "unit.parent_id", "no unit has this id")
                    .throwIfAny();
        }
        UnitEntity entity = new UnitEntity();
        entity.id = UUID.randomUUID();
        entity.code = unit.code();
        entity.name = unit.name().strip();
        entity.type = unit.type();
        entity.parentId = parentId;
        entity.requestId = requestId == null || requestId.isEmpty() ? null : requestId;
        entity.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        units.persistAndFlush(entity);
        return entity;
    }

    /** Returns the unit with that id. */
    @Transactional
    public UnitEntity get(String id) {
        return units.findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("unit", id));
    }

    /** Lists units ordered by code. */
    @Transactional
    public UnitPage list(int pageSize, String pageToken) {
        int size = PageToken.pageSize(pageSize);
        List<String> after = PageToken.decode(pageToken, LIST_QUERY, 1);
        List<UnitEntity> page = units.pageByCode(after.isEmpty() ? null : after.get(0), size + 1);
        if (page.size() <= size) {
            return new UnitPage(page, "");
        }
        List<UnitEntity> shown = page.subList(0, size);
        return new UnitPage(List.copyOf(shown), PageToken.encode(LIST_QUERY, shown.get(size - 1).code));
    }
}
