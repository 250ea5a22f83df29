package org.sqm.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.auth.UnitScopes;
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
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.domain.UnitState;
import org.sqm.standards.domain.UnitType;
import org.sqm.standards.repository.CalendarRepository;
import org.sqm.standards.repository.UnitRepository;

/** The rules for organisation units and their hierarchy; every method is one transaction of database work. */
@ApplicationScoped
@Transactional
public class UnitService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final List<String> UPDATABLE = List.of("name", "type", "parent_id", "calendar_id");

    private final UnitRepository units;
    private final CalendarRepository calendars;
    private final PageTokens pageTokens;
    private final UnitScopes scopes;

    public UnitService(UnitRepository units, CalendarRepository calendars, PageTokens pageTokens, UnitScopes scopes) {
        this.units = units;
        this.calendars = calendars;
        this.pageTokens = pageTokens;
        this.scopes = scopes;
    }

    /** What a caller asks to create. */
    public record NewUnit(String code, String name, UnitType type, String parentId, String calendarId) {}

    /** A change of the fields named in {@code mask}, based on the unit as read with {@code etag}. */
    public record UnitChange(
            String id,
            String etag,
            List<String> mask,
            String name,
            UnitType type,
            String parentId,
            String calendarId) {}

    /** One page of units and the token of the next page (empty at the end). */

    /** Creates a unit, or returns the one an earlier call with the same request id created. */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
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
                .optionalId("unit.calendar_id", unit.calendarId())
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
        UnitEntity entity = new UnitEntity();
        entity.id = UUID.randomUUID();
        entity.code = unit.code();
        entity.name = unit.name().strip();
        entity.type = unit.type();
        if (Texts.notBlank(unit.parentId())) {
            // Serialised with type changes and moves, so the parent's type checked here is the one it keeps.
            units.lockHierarchy();
        }
        UnitEntity parent = activeParent(unit.parentId());
        requireFits(entity.type, parent, "unit.parent_id");
        entity.parentId = parent == null ? null : parent.id;
        entity.calendarId = existingCalendar(unit.calendarId());
        entity.state = UnitState.ACTIVE;
        entity.requestId = Texts.emptyToNull(requestId);
        entity.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entity.updateTime = entity.createTime;
        units.persistAndFlush(entity);
        return entity;
    }

    /** An existing, active parent, or null for "no parent". */
    private UnitEntity activeParent(String parentId) {
        if (parentId == null || parentId.isEmpty()) {
            return null;
        }
        UnitEntity parent = units.findByIdOptional(UUID.fromString(parentId)).orElse(null);
        new Violations()
                .check(parent != null, "unit.parent_id", "no unit has this id")
                .throwIfAny();
        new Violations()
                .check(parent.state == UnitState.ACTIVE, "unit.parent_id", "is inactive")
                .throwIfAny();
        return parent;
    }

    /**
     * Refuses a unit of {@code type} under {@code parent} (null: at the top) when {@link UnitType}'s
     * table does not allow it, naming {@code field}: the parent for a create or a move, the type for
     * a change of type.
     */
    private static void requireFits(UnitType type, UnitEntity parent, String field) {
        if (parent != null && !type.mayBeUnder(parent.type)) {
            throw new InvalidArgumentException(
                    field,
                    "a " + type + " may sit " + type.allowedPlaces() + ", and unit " + parent.code + " is a "
                            + parent.type);
        }
    }

    /** Refuses a change of a unit's type that the units right below it could not sit under. */
    private void requireChildrenFit(UnitEntity unit) {
        Violations violations = new Violations();
        for (UnitType child : units.childTypes(unit.id)) {
            violations.check(
                    child.mayBeUnder(unit.type),
                    "unit.type",
                    "a " + child + " sits right below this unit, and a " + child + " may sit " + child.allowedPlaces());
        }
        violations.throwIfAny();
    }

    /** The id of an existing calendar, or null for "inherit". */
    private UUID existingCalendar(String calendarId) {
        if (calendarId == null || calendarId.isEmpty()) {
            return null;
        }
        UUID id = UUID.fromString(calendarId);
        new Violations()
                .check(calendars.findByIdOptional(id).isPresent(), "unit.calendar_id", "no calendar has this id")
                .throwIfAny();
        return id;
    }

    /** Returns the unit with that id; a unit outside the caller's units is NOT_FOUND, as a missing one. */
    @ReadOnlyTransaction
    public UnitEntity get(String id) {
        return findVisible(Violations.parseId("id", id), id);
    }

    private UnitEntity findVisible(UUID id, String rawId) {
        UnitEntity unit = find(id, rawId);
        scopes.requireVisible(unit.id, "unit", rawId);
        return unit;
    }

    private UnitEntity find(UUID id, String rawId) {
        return units.findByIdOptional(id).orElseThrow(() -> new NotFoundException("unit", rawId));
    }

    /** Changes name, type or parent; a new parent must be active and must not lie below the unit. */
    public UnitEntity update(UnitChange change) {
        UUID id = Violations.parseId("unit.id", change.id());
        Violations violations = new Violations().updateMask(change.mask(), UPDATABLE);
        if (change.mask().contains("name")) {
            violations.requireText("unit.name", change.name(), 200);
        }
        if (change.mask().contains("type")) {
            violations.requireEnum("unit.type", change.type() != null);
        }
        if (change.mask().contains("parent_id")) {
            violations.optionalId("unit.parent_id", change.parentId());
        }
        if (change.mask().contains("calendar_id")) {
            violations.optionalId("unit.calendar_id", change.calendarId());
        }
        violations.throwIfAny();

        boolean moves = change.mask().contains("parent_id");
        boolean retypes = change.mask().contains("type");
        if (moves || retypes) {
            // The hierarchy's shape is checked across units: no two such changes may interleave.
            units.lockHierarchy();
        }
        UnitEntity unit = find(id, change.id());
        Etags.require(change.etag(), unit.version, "unit", change.id(), "unit.etag");
        if (change.mask().contains("name")) {
            unit.name = change.name().strip();
        }
        if (retypes) {
            unit.type = change.type();
            requireChildrenFit(unit);
        }
        if (moves) {
            UnitEntity parent = activeParent(change.parentId());
            if (parent != null) {
                // The types alone rule a cycle out; units recorded before the table existed may not follow it.
                boolean cycle = units.pathTo(parent.id).stream().anyMatch(u -> u.id.equals(unit.id));
                new Violations()
                        .check(!cycle, "unit.parent_id", "lies below this unit: the unit cannot be its own ancestor")
                        .throwIfAny();
            }
            requireFits(unit.type, parent, "unit.parent_id");
            unit.parentId = parent == null ? null : parent.id;
        } else if (retypes) {
            requireFits(
                    unit.type,
                    unit.parentId == null ? null : find(unit.parentId, unit.parentId.toString()),
                    "unit.type");
        }
        if (change.mask().contains("calendar_id")) {
            unit.calendarId = existingCalendar(change.calendarId());
        }
        return save(unit);
    }

    /** Takes a unit out of service; its active children must be moved or deactivated first. */
    public UnitEntity deactivate(String id, String etag) {
        UnitEntity unit = find(Violations.parseId("id", id), id);
        Etags.require(etag, unit.version, "unit", id, "etag");
        if (unit.state == UnitState.INACTIVE) {
            throw new FailedPreconditionException("UNIT_INACTIVE", "unit " + id + " is already inactive");
        }
        if (units.hasActiveChildren(unit.id)) {
            throw new FailedPreconditionException(
                    "UNIT_HAS_ACTIVE_CHILDREN", "unit " + id + " has active children; move or deactivate them first");
        }
        unit.state = UnitState.INACTIVE;
        return save(unit);
    }

    /** Puts an inactive unit back into service under an active parent. */
    public UnitEntity reactivate(String id, String etag) {
        UnitEntity unit = find(Violations.parseId("id", id), id);
        Etags.require(etag, unit.version, "unit", id, "etag");
        if (unit.state == UnitState.ACTIVE) {
            throw new FailedPreconditionException("UNIT_ACTIVE", "unit " + id + " is already active");
        }
        if (unit.parentId != null && units.findById(unit.parentId).state != UnitState.ACTIVE) {
            throw new FailedPreconditionException(
                    "UNIT_PARENT_INACTIVE", "the parent of unit " + id + " is inactive; reactivate it first");
        }
        unit.state = UnitState.ACTIVE;
        return save(unit);
    }

    private UnitEntity save(UnitEntity unit) {
        unit.updateTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            units.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModificationException("unit", unit.id.toString());
        }
        return unit;
    }

    /**
     * Lists units ordered by code: all, or the children of {@code parentId}; only those the caller may
     * see, with page tokens bound to the caller's scope.
     */
    @ReadOnlyTransaction
    public PageTokens.Page<UnitEntity> list(int pageSize, String pageToken, String parentId, boolean showInactive) {
        int size = PageTokens.pageSize(pageSize);
        UUID parent = parentId == null || parentId.isEmpty() ? null : Violations.parseId("parent_id", parentId);
        String query = "units:" + parentId + ":" + showInactive + ":" + scopes.scopeKey();
        List<String> after = pageTokens.decode(pageToken, query, 1);
        return page(
                units.pageByCode(
                        after.isEmpty() ? "" : after.get(0), parent, showInactive, scopes.visibleUnits(), size + 1),
                size,
                query);
    }

    /**
     * Lists the units below a unit at any depth, ordered by code. The unit must be one the caller may
     * see, and then so is everything below it.
     */
    @ReadOnlyTransaction
    public PageTokens.Page<UnitEntity> descendants(String id, int pageSize, String pageToken, boolean showInactive) {
        UUID root = Violations.parseId("id", id);
        int size = PageTokens.pageSize(pageSize);
        String query = "descendants:" + id + ":" + showInactive + ":" + scopes.scopeKey();
        List<String> after = pageTokens.decode(pageToken, query, 1);
        findVisible(root, id);
        return page(units.descendants(root, after.isEmpty() ? "" : after.get(0), showInactive, size + 1), size, query);
    }

    private PageTokens.Page<UnitEntity> page(List<UnitEntity> fetched, int size, String query) {
        return pageTokens.page(fetched, size, query, u -> List.of(u.code));
    }

    /**
     * The chain of units from the root down to the unit; for a caller cut to units, from the topmost
     * unit it may see (the units above its own are not its to see).
     */
    @ReadOnlyTransaction
    public List<UnitEntity> path(String id) {
        UUID uuid = Violations.parseId("id", id);
        findVisible(uuid, id);
        Optional<Set<UUID>> visible = scopes.visibleUnits();
        List<UnitEntity> path = units.pathTo(uuid);
        return visible.isEmpty()
                ? path
                : path.stream().filter(u -> visible.get().contains(u.id)).toList();
    }
}
