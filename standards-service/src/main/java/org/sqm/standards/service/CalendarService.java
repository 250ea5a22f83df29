package org.sqm.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.commons.persistence.Etags;
import org.sqm.commons.persistence.IdempotentCreate;
import org.sqm.standards.domain.BusinessCalendar;
import org.sqm.standards.domain.BusinessCalendar.Interval;
import org.sqm.standards.domain.CalendarEntity;
import org.sqm.standards.repository.CalendarRepository;

/** The rules for business calendars, and business-time arithmetic on them; every method is one transaction. */
@ApplicationScoped
@Transactional
public class CalendarService {

    static final List<String> UPDATABLE = List.of("name", "time_zone", "always_open", "working_hours", "holidays");
    private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)|(24):(00)");
    private static final String LIST_QUERY = "calendars:by-code";

    private final CalendarRepository calendars;
    private final PageTokens pageTokens;

    public CalendarService(CalendarRepository calendars, PageTokens pageTokens) {
        this.calendars = calendars;
        this.pageTokens = pageTokens;
    }

    /** Working hours as a caller writes them: a day (null when unset or unknown) and "HH:MM" times. */
    public record HoursSpec(DayOfWeek day, String startTime, String endTime) {}

    /** A holiday as a caller writes it: "YYYY-MM-DD". */
    public record HolidaySpec(String date, String name) {}

    /** A calendar as a caller writes it. */
    public record CalendarSpec(
            String code,
            String name,
            String timeZone,
            boolean alwaysOpen,
            List<HoursSpec> workingHours,
            List<HolidaySpec> holidays) {}

    /** One page of calendars and the token of the next page (empty at the end). */

    /** Creates a calendar, or returns the one an earlier call with the same request id created. */
    // Not in the class's transaction: IdempotentCreate inserts in one of its own and reads a racing retry's in another.
    @Transactional(TxType.NEVER)
    public CalendarEntity create(CalendarSpec spec, String requestId) {
        Violations violations = new Violations()
                .requirePattern(
                        "calendar.code",
                        spec.code(),
                        UnitService.CODE,
                        "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
                .maxLength("request_id", requestId, 100);
        Parsed parsed = parse(spec, violations);
        violations.throwIfAny();
        return IdempotentCreate.create(
                requestId,
                calendars::findByRequestId,
                () -> {
                    if (calendars.existsByCode(spec.code())) {
                        throw new AlreadyExistsException("calendar", "code", spec.code());
                    }
                    CalendarEntity entity = new CalendarEntity();
                    entity.id = UUID.randomUUID();
                    entity.code = spec.code();
                    entity.requestId = Texts.emptyToNull(requestId);
                    entity.createTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    apply(entity, parsed);
                    calendars.persistAndFlush(entity);
                    return entity;
                },
                constraint -> constraint.equals("uk_calendar_code")
                        ? new AlreadyExistsException("calendar", "code", spec.code())
                        : null);
    }

    /** Changes the masked fields; the calendar as a whole must stay valid. */
    public CalendarEntity update(String id, String etag, List<String> mask, CalendarSpec change) {
        UUID uuid = Violations.parseId("calendar.id", id);
        new Violations().updateMask(mask, UPDATABLE).throwIfAny();
        CalendarEntity entity =
                calendars.findByIdOptional(uuid).orElseThrow(() -> new NotFoundException("calendar", id));
        Etags.require(etag, entity.version, "calendar", id, "calendar.etag");
        CalendarSpec current = toSpec(entity);
        CalendarSpec merged = new CalendarSpec(
                entity.code,
                mask.contains("name") ? change.name() : current.name(),
                mask.contains("time_zone") ? change.timeZone() : current.timeZone(),
                mask.contains("always_open") ? change.alwaysOpen() : current.alwaysOpen(),
                mask.contains("working_hours") ? change.workingHours() : current.workingHours(),
                mask.contains("holidays") ? change.holidays() : current.holidays());
        Violations violations = new Violations();
        Parsed parsed = parse(merged, violations);
        violations.throwIfAny();
        apply(entity, parsed);
        try {
            calendars.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModificationException("calendar", id);
        }
        return entity;
    }

    @ReadOnlyTransaction
    public CalendarEntity get(String id) {
        return find("id", id);
    }

    @ReadOnlyTransaction
    public PageTokens.Page<CalendarEntity> list(int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        List<String> after = pageTokens.decode(pageToken, LIST_QUERY, 1);
        List<CalendarEntity> page = calendars.pageByCode(after.isEmpty() ? "" : after.get(0), size + 1);
        return pageTokens.page(page, size, LIST_QUERY, c -> List.of(c.code));
    }

    /** When {@code duration} of business time from {@code start} runs out, pauses left out. */
    @ReadOnlyTransaction
    public Instant dueTime(String calendarId, Instant start, Duration duration, List<Interval> paused) {
        new Violations()
                .check(start != null, "start_time", "is required")
                .check(duration != null, "business_duration", "is required")
                .check(duration == null || !duration.isNegative(), "business_duration", "must not be negative")
                .check(
                        duration == null || duration.compareTo(BusinessCalendar.MAX_DURATION) <= 0,
                        "business_duration",
                        "must be at most 366 days")
                .throwIfAny();
        validatePauses(paused);
        BusinessCalendar calendar = rules(calendarId).arithmetic();
        return calendar.dueTime(start, duration, paused)
                .orElseThrow(() -> new InvalidArgumentException(
                        "business_duration", "does not fit into the working time this calendar has"));
    }

    /** The business time between two instants, pauses left out. */
    @ReadOnlyTransaction
    public Duration businessTime(String calendarId, Instant start, Instant end, List<Interval> paused) {
        new Violations()
                .check(start != null, "start_time", "is required")
                .check(end != null, "end_time", "is required")
                .check(
                        start == null || end == null || !end.isBefore(start),
                        "end_time",
                        "must not be before start_time")
                .throwIfAny();
        validatePauses(paused);
        return rules(calendarId).arithmetic().businessTime(start, end, paused);
    }

    private static void validatePauses(List<Interval> paused) {
        Violations violations = new Violations();
        for (int i = 0; i < paused.size(); i++) {
            Interval p = paused.get(i);
            String field = "paused_intervals[" + i + "]";
            violations.check(p.start() != null, field + ".start_time", "is required");
            violations.check(p.end() != null, field + ".end_time", "is required");
            violations.check(
                    p.start() == null || p.end() == null || !p.end().isBefore(p.start()),
                    field + ".end_time",
                    "must not be before start_time");
        }
        violations.throwIfAny();
    }

    private CalendarRepository.Rules rules(String calendarId) {
        return calendars
                .rules(Violations.parseId("calendar_id", calendarId))
                .orElseThrow(() -> new NotFoundException("calendar", calendarId));
    }

    private CalendarEntity find(String field, String id) {
        return calendars
                .findByIdOptional(Violations.parseId(field, id))
                .orElseThrow(() -> new NotFoundException("calendar", id));
    }

    private record Parsed(
            String name,
            String timeZone,
            boolean alwaysOpen,
            List<CalendarEntity.WorkingHours> hours,
            List<CalendarEntity.Holiday> holidays) {}

    /** Validates a whole calendar, adding every violation; returns what to store. */
    private static Parsed parse(CalendarSpec spec, Violations violations) {
        violations.requireText("calendar.name", spec.name(), 200);
        boolean zoneOk;
        try {
            ZoneId.of(Texts.nullToEmpty(spec.timeZone()));
            zoneOk = true;
        } catch (DateTimeException e) {
            zoneOk = false;
        }
        violations.check(zoneOk, "calendar.time_zone", "must be an IANA time zone such as Europe/London");
        if (spec.alwaysOpen()) {
            violations.check(
                    spec.workingHours().isEmpty(),
                    "calendar.working_hours",
                    "must be empty for an always-open calendar");
            violations.check(
                    spec.holidays().isEmpty(), "calendar.holidays", "must be empty for an always-open calendar");
        } else {
            violations.check(
                    !spec.workingHours().isEmpty(),
                    "calendar.working_hours",
                    "needs at least one interval unless the calendar is always open");
        }
        List<CalendarEntity.WorkingHours> hours = new ArrayList<>();
        for (int i = 0; i < spec.workingHours().size(); i++) {
            HoursSpec h = spec.workingHours().get(i);
            String field = "calendar.working_hours[" + i + "]";
            violations.requireEnum(field + ".day", h.day() != null);
            Integer start = minutes(h.startTime(), false);
            Integer end = minutes(h.endTime(), true);
            violations.check(start != null, field + ".start_time", "must be a time HH:MM from 00:00 to 23:59");
            violations.check(end != null, field + ".end_time", "must be a time HH:MM from 00:01 to 24:00");
            if (start != null && end != null) {
                violations.check(end > start, field + ".end_time", "must be after start_time");
                for (CalendarEntity.WorkingHours other : hours) {
                    violations.check(
                            other.day != h.day() || end <= other.startMinute || start >= other.endMinute,
                            field + ".start_time",
                            "overlaps another interval of the same day");
                }
                if (h.day() != null && end > start) {
                    hours.add(new CalendarEntity.WorkingHours(h.day(), start, end));
                }
            }
        }
        List<CalendarEntity.Holiday> holidays = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < spec.holidays().size(); i++) {
            HolidaySpec h = spec.holidays().get(i);
            String field = "calendar.holidays[" + i + "]";
            LocalDate date = null;
            try {
                date = LocalDate.parse(Texts.nullToEmpty(h.date()));
            } catch (DateTimeException e) {
                violations.check(false, field + ".date", "must be a date YYYY-MM-DD");
            }
            if (date != null) {
                violations.check(seen.add(date), field + ".date", "is listed twice");
            }
            violations.maxLength(field + ".name", h.name(), 200);
            holidays.add(new CalendarEntity.Holiday(date, Texts.blankToNull(h.name())));
        }
        return new Parsed(
                spec.name() == null ? null : spec.name().strip(), spec.timeZone(), spec.alwaysOpen(), hours, holidays);
    }

    private static Integer minutes(String clock, boolean endOfDayAllowed) {
        Matcher m = CLOCK.matcher(Texts.nullToEmpty(clock));
        if (!m.matches()) {
            return null;
        }
        if (m.group(3) != null) {
            return endOfDayAllowed ? 24 * 60 : null;
        }
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    private static void apply(CalendarEntity entity, Parsed parsed) {
        entity.name = parsed.name();
        entity.timeZone = parsed.timeZone();
        entity.alwaysOpen = parsed.alwaysOpen();
        entity.workingHours.clear();
        entity.workingHours.addAll(parsed.hours());
        entity.holidays.clear();
        entity.holidays.addAll(parsed.holidays());
        entity.updateTime = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The calendar as a caller would write it, e.g. to merge an update into it. */
    public static CalendarSpec toSpec(CalendarEntity entity) {
        return new CalendarSpec(
                entity.code,
                entity.name,
                entity.timeZone,
                entity.alwaysOpen,
                entity.workingHours.stream()
                        .map(w -> new HoursSpec(w.day, clock(w.startMinute), clock(w.endMinute)))
                        .toList(),
                entity.holidays.stream()
                        .map(h -> new HolidaySpec(h.date.toString(), h.name))
                        .toList());
    }

    /** "HH:MM" for minutes after midnight; 1440 is "24:00". */
    public static String clock(int minutes) {
        return "%02d:%02d".formatted(minutes / 60, minutes % 60);
    }
}
