package org.sqm.inspection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnitSampleTest {

    static final UUID PLAN = UUID.fromString("6f1c2a52-0d7e-4a57-9a4e-2b1f0c3d4e5f");
    static final List<UUID> UNITS = IntStream.range(0, 20)
            .mapToObj(n -> UUID.nameUUIDFromBytes(("hall " + n).getBytes()))
            .toList();

    @Test
    void theSameInputsRankTheSameWayWhateverTheirOrder() {
        List<UUID> shuffled = new ArrayList<>(UNITS);
        Collections.shuffle(shuffled);
        LocalDate day = LocalDate.parse("2026-04-01");
        assertEquals(UnitSample.ranked(PLAN, day, UNITS), UnitSample.ranked(PLAN, day, shuffled));
    }

    @Test
    void eachPeriodDrawsAfresh() {
        assertNotEquals(
                UnitSample.ranked(PLAN, LocalDate.parse("2026-04-01"), UNITS).subList(0, 5),
                UnitSample.ranked(PLAN, LocalDate.parse("2026-07-01"), UNITS).subList(0, 5));
    }

    @Test
    void aNewUnitChangesTheSampleOnlyWhenItRanksInIt() {
        LocalDate day = LocalDate.parse("2026-04-01");
        List<UUID> before = UnitSample.ranked(PLAN, day, UNITS);
        List<UUID> more = new ArrayList<>(UNITS);
        UUID added = UUID.nameUUIDFromBytes("hall 20".getBytes());
        more.add(added);
        List<UUID> after = UnitSample.ranked(PLAN, day, more);
        List<UUID> withoutAdded = after.stream().filter(u -> !u.equals(added)).toList();
        assertEquals(before, withoutAdded, "the others keep their order");
    }
}
