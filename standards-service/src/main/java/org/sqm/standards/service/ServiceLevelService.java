package org.sqm.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.sqm.commons.audit.ReadOnlyTransaction;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.standards.domain.BusinessCalendar;
import org.sqm.standards.domain.ServiceChannel;
import org.sqm.standards.domain.Severity;
import org.sqm.standards.domain.StandardContent.ServiceLevelTarget;
import org.sqm.standards.domain.StandardEntity;
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.domain.UnitType;
import org.sqm.standards.repository.CalendarRepository;
import org.sqm.standards.repository.ServiceLevelInputs;
import org.sqm.standards.repository.StandardRepository;

/** Finds the deadlines that apply to a case, and the calendar they run on: explainably; one read transaction. */
@ApplicationScoped
@Transactional
public class ServiceLevelService {

    private final ServiceLevelInputs inputs;
    private final CalendarRepository calendars;
    private final StandardRepository standards;

    /**
     * The rules of published versions by id. A published version never changes (the service and a
     * database trigger see to it), so its rules are read and parsed once, not on every resolution;
     * which versions are in force is still asked of the database every time.
     */
    private final Map<UUID, PublishedRules> published = new ConcurrentHashMap<>();

    /** A published version as resolution reads it. */
    public record PublishedRules(
            UUID id,
            String code,
            int version,
            List<UnitType> unitTypes,
            Instant publishTime,
            List<ServiceLevelTarget> targets) {}

    public ServiceLevelService(ServiceLevelInputs inputs, CalendarRepository calendars, StandardRepository standards) {
        this.inputs = inputs;
        this.calendars = calendars;
        this.standards = standards;
    }

    /** The answer: the winning rule, where it comes from, and the effective calendar. */
    public record Resolution(
            UnitEntity unit,
            ServiceLevelTarget target,
            PublishedRules standard,
            int ruleIndex,
            CalendarRepository.Rules calendar,
            UnitEntity calendarUnit,
            Instant acknowledgeDue,
            Instant firstResponseDue,
            Instant resolveDue,
            Instant acknowledgeWarn,
            Instant firstResponseWarn,
            Instant resolveWarn) {}

    private record Candidate(PublishedRules standard, int index, ServiceLevelTarget target) {}

    /** The most specific rule in force at {@code at} for a case of the unit. */
    @ReadOnlyTransaction
    public Resolution resolve(
            String unitId,
            ServiceChannel channel,
            String category,
            Severity severity,
            Instant at,
            double warningShare) {
        Instant when = at == null ? Instant.now() : at;
        // Which day it is depends on the calendar's zone, known only after the read; every zone's day is
        // within a day of UTC's, so the read brings the versions in force on any of three days.
        LocalDate utcDay = LocalDate.ofInstant(when, ZoneOffset.UTC);
        // One statement: the path from the top, ending with the unit itself; its calendars' versions;
        // the standards that may be in force.
        ServiceLevelInputs.Inputs inputs =
                this.inputs.read(Violations.parseId("unit_id", unitId), utcDay.minusDays(1), utcDay.plusDays(1));
        List<UnitEntity> path = inputs.path();
        if (path.isEmpty()) {
            throw new NotFoundException("unit", unitId);
        }
        UnitEntity unit = path.get(path.size() - 1);
        UnitEntity calendarUnit = null;
        for (int i = path.size() - 1; i >= 0 && calendarUnit == null; i--) {
            if (path.get(i).calendarId != null) {
                calendarUnit = path.get(i);
            }
        }
        if (calendarUnit == null) {
            throw new FailedPreconditionException(
                    "UNIT_HAS_NO_CALENDAR",
                    "neither unit " + unitId + " nor any unit above it has a business calendar; set one");
        }
        UUID calendarId = calendarUnit.calendarId;
        CalendarRepository.Rules calendar = Optional.ofNullable(
                        inputs.calendarVersions().get(calendarId))
                .flatMap(version -> calendars.rules(calendarId, version))
                .orElseThrow();
        LocalDate day = when.atZone(calendar.arithmetic().zone()).toLocalDate();
        String caseCategory = Texts.emptyToNull(category);

        Optional<Candidate> best = inputs.standards().stream()
                .filter(s -> s.inForceOn(day))
                .map(s -> published.computeIfAbsent(s.id(), this::rules))
                .filter(s -> s.unitTypes().isEmpty() || s.unitTypes().contains(unit.type))
                .flatMap(s -> IntStream.range(0, s.targets().size())
                        .mapToObj(i -> new Candidate(s, i, s.targets().get(i))))
                .filter(c -> c.target().matches(unit.type, channel, caseCategory, severity))
                .max(Comparator.comparingInt((Candidate c) -> c.target().specificity())
                        .thenComparing(c -> c.standard().publishTime())
                        .thenComparing(Comparator.comparingInt(Candidate::index).reversed()));
        Candidate winner = best.orElseThrow(
                () -> new NotFoundException("service_level_target", "for unit " + unitId + " on " + day));
        BusinessCalendar arithmetic = calendar.arithmetic();
        ServiceLevelTarget t = winner.target();
        return new Resolution(
                unit,
                t,
                winner.standard(),
                winner.index(),
                calendar,
                calendarUnit,
                due(arithmetic, when, t.acknowledgeWithin()),
                due(arithmetic, when, t.firstResponseWithin()),
                due(arithmetic, when, t.resolveWithin()),
                warn(arithmetic, when, t.acknowledgeWithin(), warningShare),
                warn(arithmetic, when, t.firstResponseWithin(), warningShare),
                warn(arithmetic, when, t.resolveWithin(), warningShare));
    }

    /** When {@code share} of a deadline's business time is used, in whole seconds; null when not asked. */
    private static Instant warn(BusinessCalendar calendar, Instant start, String isoDuration, double share) {
        if (isoDuration == null || share <= 0) {
            return null;
        }
        long seconds = (long) Math.floor(Duration.parse(isoDuration).getSeconds() * share);
        return seconds <= 0
                ? null
                : calendar.dueTime(start, Duration.ofSeconds(seconds), List.of())
                        .orElse(null);
    }

    private PublishedRules rules(UUID id) {
        StandardEntity s = standards.findById(id);
        return new PublishedRules(
                s.id,
                s.code,
                s.versionNumber,
                List.copyOf(s.unitTypes),
                s.publishTime,
                List.copyOf(s.content.serviceLevelTargets()));
    }

    private static Instant due(BusinessCalendar calendar, Instant start, String isoDuration) {
        return isoDuration == null
                ? null
                : calendar.dueTime(start, Duration.parse(isoDuration), List.of())
                        .orElse(null);
    }
}
