package org.sqm.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The import command, scripts/import-complaints.sh, as a person runs it against the running suite. */
@ExtendWith(SuiteExtension.class)
class ImportComplaintsIT {

    /** What one run of the command printed, and its exit status. */
    record Run(int status, String out, String err) {}

    private static Run importFile(Path file, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                SuiteExtension.home().resolve("scripts/import-complaints.sh").toString(),
                file.toString(),
                "--gateway",
                SuiteExtension.suite().baseUrl(Component.GATEWAY)));
        command.addAll(List.of(options));
        Path out = Files.createTempFile("import", ".out");
        Path err = Files.createTempFile("import", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the import did not end: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aCsvFileIsLoadedInBatchesWithItsRefusalsSummedUpAndASecondRunRecordsNothingTwice() throws Exception {
        String hall = Fixtures.complaintUnit();
        StringBuilder csv = new StringBuilder(
                "unit_id,channel,category,severity,description,complainant.name,complainant_phone,receiveTime\n");
        for (int i = 0; i < 120; i++) {
            String description = i % 40 == 7 ? "" : "\"Imported complaint " + i + ", with a comma\"";
            String channel = i == 50 ? "PIGEON" : "PHONE";
            csv.append(hall)
                    .append(',')
                    .append(channel)
                    .append(",BILLING,MEDIUM,")
                    .append(description)
                    .append(",Ann Smith,+49 30 5555 0100,2026-03-02T09:15:00Z\n");
        }
        Path file = Files.createTempFile("complaints", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Run first = importFile(file, "--batch", "50");
        assertEquals(2, first.status(), first.err());
        assertTrue(first.out().startsWith("120 rows: 116 complaints recorded"), first.out());
        assertTrue(first.out().contains("3  INVALID_FIELDS: description is required (lines 9, 49, 89)"), first.out());
        assertTrue(first.out().contains("1  INVALID_FIELDS: channel must be one of"), first.out());
        assertTrue(first.err().contains("[##############################] 100% 120/120 rows"), first.err());
        assertEquals(116, Fixtures.complaintCount(hall));

        Run second = importFile(file, "--batch", "50");
        assertTrue(second.out().startsWith("120 rows: 116 complaints recorded"), second.out());
        assertEquals(116, Fixtures.complaintCount(hall), "a second run of the same file records nothing twice");
    }

    @Test
    void aJsonLinesFileTakesComplaintsAndItemsWithTheirOwnRequestIds() throws Exception {
        String hall = Fixtures.complaintUnit();
        String complaint = Fixtures.complaintBody(hall, "Imported from JSON lines");
        Path file = Files.createTempFile("complaints", ".jsonl");
        Files.writeString(
                file,
                complaint + "\n\n"
                        + "{\"requestId\":\"jsonl-" + hall + "\",\"complaint\":" + complaint + "}\n"
                        + "{\"requestId\":\"jsonl-" + hall + "\",\"complaint\":" + complaint + "}\n"
                        + "not json\n"
                        + complaint.replace(hall, "00000000-0000-4000-8000-000000000000") + "\n",
                StandardCharsets.UTF_8);

        Run run = importFile(file);
        assertEquals(2, run.status(), run.err());
        assertTrue(run.out().startsWith("5 rows: 3 complaints recorded"), run.out());
        assertTrue(run.out().contains("UNREADABLE_ROW: not a JSON object (lines 5)"), run.out());
        assertTrue(run.out().contains("INVALID_FIELDS: unitId no active unit has this id (lines 6)"), run.out());
        assertEquals(2, Fixtures.complaintCount(hall), "the item sent twice under one request id is one complaint");
    }
}
