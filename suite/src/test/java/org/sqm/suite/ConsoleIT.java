package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium against the real suite: a quality manager and a unit
 * manager sign in through the development login, find a hall in the unit tree, read its dashboard
 * (a trend drawn from three scored months, the scorecard's explanation, an open complaint), follow a
 * complaint's history and ticking deadline, rank the halls in a league table, recompute a month while
 * looking elsewhere, and are told in words what went wrong. The data is made through the REST API, as
 * the other end-to-end tests make theirs. A full-page screenshot of every scenario's end (and of a
 * failure) is left in suite/target/console-screenshots/ to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class ConsoleIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    /** The zone the scoring service closes its periods in (as ScorecardsIT recomputes them). */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String QUALITY_MANAGER = "quality-manager";
    private static final String UNIT_MANAGER = "unit-manager";

    private final YearMonth lastMonth = YearMonth.now(ZONE).minusMonths(1);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    /** The hall the scenarios look at: three scored months, falling in the last; an open complaint. */
    private String hall;

    private String hallName;

    /** A hall beside it that overtakes it in the last month. */
    private String rival;

    private String rivalName;

    /** A hall beside them with nothing to score: insufficient data. */
    private String quiet;

    private String county;

    private String complaint;

    @BeforeAll
    void threeScoredMonthsOfTwoHallsAndAnOpenComplaint() throws InterruptedException {
        if (!BROWSER.running()) {
            // Every scenario is skipped: nothing to make data for.
            return;
        }
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200)
                .body("entries.code", hasItem("SERVICE_HALL"));
        String calendar = Fixtures.officeCalendar();
        county = Fixtures.unitOn("COUNTY_BRANCH", "Console county " + tag, null, calendar);
        hallName = "Riverside hall " + tag;
        // The hall works round the clock (its own calendar), so its complaints' deadlines are wall-clock time.
        hall = Fixtures.unitOn("SERVICE_HALL", hallName, county, roundTheClock());
        rivalName = "Hillside hall " + tag;
        rival = Fixtures.unitOn("SERVICE_HALL", rivalName, county, null);
        quiet = Fixtures.unitOn("SERVICE_HALL", "Quiet hall " + tag, county, null);
        // A published standard with service-level targets gives the hall's complaints their deadlines.
        Fixtures.publishedCopy("service-hall-and-hotline.json", "SQM-HALL-HOTLINE", "CON-SLA");

        // Satisfaction alone scores a hall (the model re-spreads the weight of missing components):
        // the hall scores 100, 100, 50 and the rival 75, 75, 100, so the rival overtakes it last month.
        int[] hallScores = {5, 5, 3};
        int[] rivalScores = {4, 4, 5};
        for (int i = 0; i < 3; i++) {
            YearMonth month = lastMonth.minusMonths(2 - i);
            List<Map<String, Object>> responses = new ArrayList<>();
            for (int r = 0; r < 30; r++) {
                String day = month.atDay(12).toString();
                responses.add(Map.of("unitId", hall, "segment", "MOBILE", "date", day, "score", hallScores[i]));
                responses.add(Map.of("unitId", rival, "segment", "MOBILE", "date", day, "score", rivalScores[i]));
            }
            Fixtures.surveyBatch("console survey " + month, responses);
        }
        for (int i = 2; i >= 0; i--) {
            Fixtures.recompute(lastMonth.minusMonths(i).toString());
        }

        // An open complaint, acknowledged so that its history has more than its intake.
        Response received = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.complaintBody(hall, "Waited an hour at the counter"))
                .when()
                .post("/api/v1/complaints");
        received.then().statusCode(201);
        complaint = received.path("id");
        Fixtures.complaintMove(complaint, received.header("ETag"), "acknowledge", Map.of());
    }

    /** A calendar of every hour of every day, in UTC. */
    private static String roundTheClock() {
        List<Map<String, String>> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(Map.of("day", day.name(), "startTime", "00:00", "endTime", "24:00"));
        }
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        Fixtures.unique("CON-24H"),
                        "name",
                        "Round the clock",
                        "timeZone",
                        "UTC",
                        "workingHours",
                        hours))
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @Order(1)
    void eachRoleIsOfferedOnlyWhatItMayDo() {
        BROWSER.signIn(UNIT_MANAGER, hall);
        BROWSER.open("/units/" + hall);
        BROWSER.until(
                "the unit manager's own hall", d -> BROWSER.text("dash-unit").contains(hallName));
        BROWSER.await("nav-units");
        assertFalse(BROWSER.shows("nav-recompute"), "a unit manager may not recompute: no recompute in the nav");
        BROWSER.open("/recompute");
        BROWSER.await("screen-recompute");
        BROWSER.await("recompute-not-offered");
        assertFalse(BROWSER.shows("recompute-start"), "a unit manager is offered no recompute");
        BROWSER.screenshot("roles-unit-manager");

        BROWSER.signIn(QUALITY_MANAGER);
        BROWSER.await("nav-recompute").click();
        BROWSER.await("screen-recompute");
        BROWSER.await("recompute-start");
    }

    @Test
    @Order(2)
    void aHallFoundInTheTreeHasItsDashboard() {
        BROWSER.signIn(QUALITY_MANAGER);
        BROWSER.open("/units");
        BROWSER.await("screen-units");
        BROWSER.type("unit-search", hallName);
        // The search redraws the tree (the rival hall, open under the county before, is left out).
        By hallNode = By.cssSelector("[data-testid='unit-node'][data-unit-id='" + hall + "']");
        By rivalNode = By.cssSelector("[data-testid='unit-node'][data-unit-id='" + rival + "']");
        BROWSER.until(
                "the search to leave the hall alone in the tree",
                d -> d.findElements(rivalNode).isEmpty()
                        && d.findElements(hallNode).stream().anyMatch(WebElement::isDisplayed));
        BROWSER.screenshot("units-search");
        BROWSER.until("the hall's node clicked", d -> {
            d.findElement(hallNode).click();
            return true;
        });

        BROWSER.await("screen-dashboard");
        BROWSER.until("the hall's name on the dashboard", d -> BROWSER.text("dash-unit")
                .contains(hallName));
        WebElement chart = BROWSER.until(
                "the trend drawn",
                d -> d.findElements(By.cssSelector("[data-testid='trend-chart'][data-points]")).stream()
                        .findFirst()
                        .orElse(null));
        int points = Integer.parseInt(chart.getAttribute("data-points"));
        assertTrue(points >= 3, "three scored months in the trend, not " + points);
        // ECharts draws on a canvas or, with its SVG renderer (the console's choice), into an svg of paths.
        assertTrue(
                !chart.findElements(By.tagName("canvas")).isEmpty()
                        || !chart.findElements(By.cssSelector("svg path")).isEmpty(),
                "the trend is drawn (a canvas, or an svg with paths) in " + BROWSER.dataOf(chart));

        String scorecard = BROWSER.await("dash-scorecard").getText();
        assertTrue(scorecard.contains("50.0"), "last month's score 50.0 on the scorecard: " + scorecard);
        String explanation = BROWSER.await("dash-explanation").getText();
        assertTrue(
                explanation.toLowerCase().contains("satisfaction"),
                "the explanation names the satisfaction component it scored: " + explanation);

        BROWSER.await("dash-complaints");
        BROWSER.awaitAll("dash-complaint", 1);
    }

    @Test
    @Order(3)
    void aComplaintShowsItsHistoryAndATickingDeadline() {
        // Received a day less 40 seconds ago on the hall's round-the-clock calendar and acknowledged
        // (late) now: its first response, 24 hours from receipt, is due in 40 seconds, so its timer
        // counts the seconds in words.
        Map<String, Object> body = new HashMap<>(Map.of(
                "unitId", hall,
                "channel", "PHONE",
                "category", "BILLING",
                "severity", "MEDIUM",
                "description", "Charged twice for the month",
                "receiveTime",
                        Instant.now()
                                .minus(Duration.ofHours(24))
                                .plusSeconds(40)
                                .toString(),
                "complainant", Map.of("name", "Ann Smith", "phone", "+49 30 5555 0100")));
        Response received = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post("/api/v1/complaints");
        received.then().statusCode(201);
        String nearlyDue = received.path("id");
        Fixtures.complaintMove(nearlyDue, received.header("ETag"), "acknowledge", Map.of());

        BROWSER.signIn(QUALITY_MANAGER);
        BROWSER.open("/complaints/" + nearlyDue);
        BROWSER.await("screen-complaint");
        BROWSER.await("complaint-history");
        List<WebElement> events = BROWSER.awaitAll("history-event", 2);
        assertTrue(
                events.stream().anyMatch(e -> e.getText().toLowerCase().contains("acknowledg")),
                "the acknowledgement is in the history");

        WebElement timer = BROWSER.until("the first response's timer", d -> d
                .findElements(By.cssSelector(
                        "[data-testid='deadline-timer'][data-deadline-kind='FIRST_RESPONSE'][data-seconds-left]"))
                .stream()
                .findFirst()
                .orElse(null));
        String text = timer.getText();
        long before = Long.parseLong(timer.getAttribute("data-seconds-left"));
        assertTrue(text.matches("(\\d+ s left|overdue by \\d+ s)"), "the seconds left in words: " + text);
        BROWSER.until("the deadline timer's text to change", Duration.ofSeconds(2), d -> !text.equals(timer.getText()));
        assertTrue(
                Long.parseLong(timer.getAttribute("data-seconds-left")) < before,
                "the time left goes down: " + text + ", then " + timer.getText());
        // The timer of the resolution, days away, says so in days and hours.
        String resolve = BROWSER.driver()
                .findElement(By.cssSelector("[data-testid='deadline-timer'][data-deadline-kind='RESOLVE']"))
                .getText();
        assertTrue(resolve.matches("\\d+ d( \\d+ h)? left"), "the resolution's time left: " + resolve);
    }

    @Test
    @Order(4)
    void theLeagueTableRanksTheHallsWithMovementAndInsufficientData() {
        BROWSER.signIn(QUALITY_MANAGER);
        // The county's halls (the parent filter comes from the link's query), the month before last
        // first; then last month, chosen in the form.
        BROWSER.open("/league?parentUnitId=" + county + "&period=" + lastMonth.minusMonths(1));
        BROWSER.await("screen-league");
        BROWSER.until("the hall first the month before last", d -> "1".equals(rank(hall)));
        BROWSER.set("league-period", lastMonth.toString());
        BROWSER.set("league-unit-type", "SERVICE_HALL");
        BROWSER.click("league-load");
        BROWSER.until("last month's table, the rival first", d -> "1".equals(rank(rival)) && "2".equals(rank(hall)));
        assertEquals(3, BROWSER.all("league-row").size(), "the county's three halls");

        WebElement hallMove = row(hall).findElement(Browser.testId("movement"));
        WebElement rivalMove = row(rival).findElement(Browser.testId("movement"));
        assertEquals("↓ 1", hallMove.getText(), "the hall fell one place");
        assertEquals("down", hallMove.getAttribute("data-movement"));
        assertEquals("↑ 1", rivalMove.getText(), "the rival climbed one place");
        WebElement quietRow = row(quiet);
        assertEquals("", quietRow.getAttribute("data-rank"), "the quiet hall is listed, not ranked");
        assertTrue(
                quietRow.findElement(Browser.testId("insufficient-data"))
                        .getText()
                        .contains("insufficient data"),
                "the quiet hall's row says why it is not ranked");
    }

    private WebElement row(String unitId) {
        return BROWSER.until(
                "the league row of " + unitId,
                d ->
                        d
                                .findElements(
                                        By.cssSelector("[data-testid='league-row'][data-unit-id='" + unitId + "']"))
                                .stream()
                                .findFirst()
                                .orElse(null));
    }

    /** The unit's rank in the league table shown now; null when it has no row. */
    private static String rank(String unitId) {
        return BROWSER
                .driver()
                .findElements(By.cssSelector("[data-testid='league-row'][data-unit-id='" + unitId + "']"))
                .stream()
                .findFirst()
                .map(r -> r.getAttribute("data-rank"))
                .orElse(null);
    }

    @Test
    @Order(5)
    void aRecomputeRunsOnWhileTheUserLooksElsewhere() {
        BROWSER.signIn(QUALITY_MANAGER);
        BROWSER.open("/recompute");
        BROWSER.await("screen-recompute");
        String period = lastMonth.minusMonths(3).toString();
        BROWSER.set("recompute-period", period);
        assertEquals(period, BROWSER.await("recompute-period").getAttribute("value"));
        // What the page shows of the run, sampled every 20 ms wherever the user is: the screen's bar, or
        // the header's indicator (a bar while it runs, "done" after).
        BROWSER.js("window.recomputeSeen = []; window.recomputeWatch = setInterval(() => {"
                + " const i = document.querySelector('[data-testid=recompute-indicator]');"
                + " const bar = (i && i.querySelector('progress'))"
                + "   || document.querySelector('[data-testid=recompute-progress]');"
                + " const seen = i && !i.querySelector('progress') && i.textContent.includes('done') ? 'done'"
                + "   : bar && bar.hasAttribute('value') && bar.max > 0 ? bar.value / bar.max : null;"
                + " const seenAll = window.recomputeSeen;"
                + " if (seen !== null && seenAll[seenAll.length - 1] !== seen) { seenAll.push(seen); } }, 20);");
        BROWSER.click("recompute-start");
        BROWSER.await("recompute-progress");

        // Elsewhere while it runs: the header's indicator keeps it in view.
        BROWSER.open("/units");
        BROWSER.await("screen-units");
        BROWSER.await("recompute-indicator");
        BROWSER.open("/recompute");
        BROWSER.await("screen-recompute");
        BROWSER.until("the recompute of " + period + " to be done", Duration.ofSeconds(60), d -> "done"
                .equals(BROWSER.text("recompute-status")));
        WebElement progress = BROWSER.await("recompute-progress");
        assertEquals("progress", progress.getTagName());
        double max = Double.parseDouble(progress.getAttribute("max"));
        assertTrue(max > 0, "the run counted the units it scored: " + max);
        assertEquals(
                max,
                Double.parseDouble(progress.getAttribute("value")),
                "a finished recompute shows its progress full");
        assertTrue(BROWSER.text("recompute-percent").startsWith("100"), BROWSER.text("recompute-percent"));
        assertTrue(BROWSER.await("recompute-result").getText().contains(period), "the outcome names the period");
        @SuppressWarnings("unchecked")
        List<Object> seen =
                (List<Object>) BROWSER.js("clearInterval(window.recomputeWatch); return window.recomputeSeen;");
        System.out.println("The console showed the recompute of " + period + " at " + seen);
        assertEquals("done", seen.get(seen.size() - 1), "the run was seen to end: " + seen);
        double before = -1;
        for (Object share : seen.subList(0, seen.size() - 1)) {
            double now = ((Number) share).doubleValue();
            assertTrue(now >= before, "the progress only advances: " + seen);
            before = now;
        }
    }

    @Test
    @Order(6)
    void errorsAreShownInWords() {
        BROWSER.signIn(QUALITY_MANAGER);
        BROWSER.open("/units/" + UUID.randomUUID());
        String missing = BROWSER.await("problem").getText();
        assertTrue(missing.contains("404"), "the status is named: " + missing);
        assertTrue(missing.toLowerCase().contains("not found"), "a missing unit is said to be not found: " + missing);
        BROWSER.screenshot("error-unknown-unit");

        BROWSER.signIn(UNIT_MANAGER, hall);
        BROWSER.open("/units/" + rival);
        String outside = BROWSER.await("problem").getText();
        assertTrue(outside.contains("404"), "a unit outside the manager's scope is not found to them: " + outside);
        assertEquals("alert", BROWSER.await("problem").getAttribute("role"));
    }
}
