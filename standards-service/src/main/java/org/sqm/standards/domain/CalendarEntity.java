package org.sqm.standards.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A business calendar: working hours in a time zone, and holidays. */
@Entity
@Table(name = "calendar")
public class CalendarEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Column(name = "always_open", nullable = false)
    public boolean alwaysOpen;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "calendar_working_hours", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderColumn(name = "position")
    public List<WorkingHours> workingHours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "calendar_holiday", joinColumns = @JoinColumn(name = "calendar_id"))
    @OrderColumn(name = "position")
    public List<Holiday> holidays = new ArrayList<>();

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @Version
    public long version;

    /** One interval of working time, in minutes after local midnight (end 1440 = midnight). */
    @Embeddable
    public static class WorkingHours {
        @Enumerated(EnumType.STRING)
        @Column(name = "day_of_week", nullable = false, length = 10)
        public DayOfWeek day;

        @Column(name = "start_minute", nullable = false)
        public int startMinute;

        @Column(name = "end_minute", nullable = false)
        public int endMinute;

        public WorkingHours() {}

        public WorkingHours(DayOfWeek day, int startMinute, int endMinute) {
            this.day = day;
            this.startMinute = startMinute;
            this.endMinute = endMinute;
        }
    }

    /** A day off. */
    @Embeddable
    public static class Holiday {
        @Column(name = "day", nullable = false)
        public LocalDate date;

        @Column(length = 200)
        public String name;

        public Holiday() {}

        public Holiday(LocalDate date, String name) {
            this.date = date;
            this.name = name;
        }
    }

    /** The arithmetic view of this calendar. */
    public BusinessCalendar toBusinessCalendar() {
        return new BusinessCalendar(
                ZoneId.of(timeZone),
                alwaysOpen,
                workingHours.stream()
                        .map(w -> new BusinessCalendar.Window(w.day, w.startMinute, w.endMinute))
                        .toList(),
                holidays.stream().map(h -> h.date).collect(Collectors.toSet()));
    }
}
