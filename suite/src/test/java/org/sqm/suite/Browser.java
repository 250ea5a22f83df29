package org.sqm.suite;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through Debian's chromedriver, with the console's
 * test ids as the way to find things: started before the class (skipped, saying why, when Chromium or
 * its driver is not installed), a screenshot after every scenario (and a "-failed" one when it
 * fails), quit after the class.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterAllCallback {

    /** Debian's chromium package; a wrapper script that starts /usr/lib/chromium/chromium. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Debian's chromium-driver package, the same version as the browser. */
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Long enough for a busy two-core machine running five JVMs and the browser. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private String missing;
    private WebDriver driver;
    private ChromeDriverService service;
    private Path profile;
    private Path screenshots;
    private String baseUrl;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            missing = "skipped: the console's browser tests need Debian's chromium and chromium-driver packages ("
                    + CHROMIUM + " and " + CHROMEDRIVER + "); .ci/run installs them when it runs as root";
            System.out.println(context.getDisplayName() + " " + missing);
            return;
        }
        baseUrl = SuiteExtension.suite().baseUrl(Component.GATEWAY);
        screenshots = SuiteExtension.home().resolve("suite/target/console-screenshots");
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory(SuiteExtension.work(), "chromium-profile-");
        // The driver is named explicitly, so Selenium Manager (which would try to download one) never runs.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(SuiteExtension.work().resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        driver.manage().timeouts().scriptTimeout(WAIT);
    }

    /** Whether the browser runs (false: Chromium or its driver is not installed, and every scenario is skipped). */
    boolean running() {
        return missing == null;
    }

    /** Each scenario is skipped, saying why, without a browser: a class-level abort would be counted as no test at all. */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestMethod().getName();
        boolean failed = context.getExecutionException().isPresent();
        screenshot(failed ? name + "-failed" : name);
        if (failed) {
            System.err.println("Console at " + driver.getCurrentUrl() + " when " + name + " failed; browser log:\n"
                    + browserLog());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Goes to a route of the console, e.g. {@code /units}: the hash after /console/#. */
    void open(String route) {
        String url = baseUrl + "/console/#" + route;
        if (driver.getCurrentUrl().startsWith(baseUrl + "/console/")) {
            // Within the loaded page: only the hash changes, as a click on a link would.
            js("window.location.hash = arguments[0];", route);
        } else {
            driver.get(url);
        }
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** The visible element with the test id, waited for. */
    WebElement await(String id) {
        return until("[data-testid=" + id + "] to show", d -> {
            List<WebElement> found = d.findElements(testId(id));
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        });
    }

    /** At least {@code min} elements with the test id, waited for. */
    List<WebElement> awaitAll(String id, int min) {
        return until(min + " x [data-testid=" + id + "]", d -> {
            List<WebElement> found = d.findElements(testId(id));
            return found.size() >= min ? found : null;
        });
    }

    /** The elements with the test id now, without waiting. */
    List<WebElement> all(String id) {
        return driver.findElements(testId(id));
    }

    /** The text of the first element with the test id now, empty when there is none. */
    String text(String id) {
        List<WebElement> found = all(id);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /** Whether a visible element with the test id is on the page now. */
    boolean shows(String id) {
        return all(id).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Waits for the condition (non-null, non-false); a timeout names what was awaited and the page's problem. */
    <T> T until(String what, Function<WebDriver, T> condition) {
        return until(what, WAIT, condition);
    }

    <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (TimeoutException e) {
            String problem = all("problem").stream().map(WebElement::getText).collect(Collectors.joining(" | "));
            throw new AssertionError(
                    "waited " + timeout.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl()
                            + (problem.isEmpty() ? "" : "; the page shows the problem: " + problem)
                            + "\nbrowser log:\n" + browserLog(),
                    e);
        }
    }

    /** Sets a form control's value as a user's choice would, firing input and change. */
    void set(String id, String value) {
        WebElement control = await(id);
        js(
                "const e = arguments[0]; e.value = arguments[1];"
                        + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " e.dispatchEvent(new Event('change', {bubbles: true}));",
                control,
                value);
    }

    /** Types into a text input after clearing it. */
    void type(String id, String text) {
        WebElement input = await(id);
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        await(id).click();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Signs in through the login screen's development login as the role acting for the units (none
     * for the roles that see everything), signing out first whoever is signed in.
     */
    void signIn(String role, String... units) {
        open("/login");
        if (shows("sign-out")) {
            click("sign-out");
        }
        await("screen-login");
        WebElement roles = await("login-role");
        until("the role " + role + " to be offered", d -> new Select(roles)
                .getOptions().stream().anyMatch(o -> role.equals(o.getAttribute("value"))));
        new Select(roles).selectByValue(role);
        type("login-units", String.join(",", units));
        click("login-submit");
        until("signed in as " + role, d -> {
            List<WebElement> who = d.findElements(testId("whoami"));
            return !who.isEmpty() && who.get(0).getText().contains(role);
        });
    }

    /** Writes a PNG of the page as it is to target/console-screenshots/{name}.png. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A screenshot must not hide the failure it was taken for.
            System.err.println("no screenshot " + name + ": " + e);
        }
        return file;
    }

    /**
     * The whole page, beyond the window's height (Chromium's DevTools capture), so a screenshot shows
     * a long screen's lower panels too; the window alone if that capture is refused.
     */
    private byte[] fullPage() {
        try {
            Map<String, Object> shot = ((ChromeDriver) driver)
                    .executeCdpCommand(
                            "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
    }

    /** What the page wrote to its console (errors first of all), one entry a line. */
    String browserLog() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString)
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(no browser log: " + e.getMessage() + ")";
        }
    }

    /** The element's data attributes, for failure messages. */
    Map<String, Object> dataOf(WebElement element) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) js("return Object.assign({}, arguments[0].dataset);", element);
        return data;
    }
}
