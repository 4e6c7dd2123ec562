package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.recsys.it.support.Api;
import org.recsys.it.support.ConsoleSession;
import org.recsys.it.support.RecsysServer;
import org.recsys.it.support.TestDatabase;

/**
 * The admin console in a real headless Chromium, driven by Selenium: what an admin, an operator and a viewer see and
 * may do. Screenshots go to target/screenshots/<database>. Skips (with the reason) where Chromium or chromedriver is
 * not installed; CI installs both.
 */
@ExtendWith(RecsysServer.class)
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("recsys.it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("recsys.it.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(30);

    private static WebDriver browser;
    private static String base;
    private static Map<String, String> admin;

    private String testName;

    @BeforeAll
    static void startBrowser(RecsysServer.Running server) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // A laptop-sized window; root in CI needs --no-sandbox; containers have a small /dev/shm.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        base = server.server().baseUri().toString().replaceAll("/$", "");
        admin = ConsoleSession.demoCredentials(server.server());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshSession(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser.manage().deleteAllCookies();
    }

    private void signIn(String user, String password) {
        browser.get(base + "/console/");
        wait(ExpectedConditions.urlContains("/console/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertThat(browser.findElement(By.id("who")).getText()).contains(user);
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        // The jobs page reloads itself while a job runs: an element found just before a reload is simply looked up again.
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private void screenshot(String step) {
        Path directory = Path.of("target/screenshots", TestDatabase.kind());
        try {
            Files.createDirectories(directory);
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, directory.resolve(testName + "-" + step + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A demo user with interest points, found through the API as a partner would. */
    private static String userWithInterests(Api api) {
        for (int i = 1; i <= 120; i++) {
            String id = String.format("demo-user-%03d", i);
            JsonNode profile = api.get("users/" + id + "/profile").json();
            if (profile.path("interests").size() > 0) {
                return id;
            }
        }
        throw new AssertionError("no demo user has interest points");
    }

    @Test
    void anAdminSeesTheDashboardChartsFilledFromTheDemoData() {
        signIn(admin.get("user"), admin.get("password"));
        for (String chart : List.of("chart-feedback", "chart-types", "chart-strategies", "chart-models")) {
            WebElement drawn = wait(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#" + chart + "[data-drawn]")));
            assertThat(drawn.findElements(By.tagName("canvas"))).as(chart).isNotEmpty();
        }
        // The demo data fills the activity charts.
        assertThat(browser.findElement(By.id("chart-feedback")).getAttribute("data-drawn")).isEqualTo("true");
        assertThat(browser.findElement(By.id("chart-types")).getAttribute("data-drawn")).isEqualTo("true");
        assertThat(Long.parseLong(browser.findElement(By.id("count-users")).getText())).isPositive();
        assertThat(Long.parseLong(browser.findElement(By.id("count-feedback")).getText())).isPositive();
        screenshot("dashboard");

        // On a tablet in portrait the charts stack in one column, each as wide as the page.
        browser.manage().window().setSize(new Dimension(800, 1100));
        try {
            browser.navigate().refresh();
            WebElement feedback = wait(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#chart-feedback[data-drawn]")));
            WebElement types = browser.findElement(By.id("chart-types"));
            assertThat(types.getLocation().getY()).isGreaterThan(feedback.getLocation().getY());
            assertThat(feedback.getSize().getWidth()).isGreaterThan(600);
            screenshot("dashboard-tablet");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void aUsersPageShowsInterestPointsAndExplainedRecommendations(Api api) {
        String userId = userWithInterests(api);
        signIn(admin.get("user"), admin.get("password"));
        browser.findElement(By.id("nav-users")).click();
        WebElement search = wait(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        search.sendKeys(userId);
        browser.findElement(By.id("search")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.linkText(userId))).click();

        wait(ExpectedConditions.presenceOfElementLocated(By.id("interests")));
        assertThat(browser.findElements(By.cssSelector("tr.interest"))).isNotEmpty();
        List<WebElement> recommendations = browser.findElements(By.cssSelector("tr.recommendation"));
        assertThat(recommendations).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("td.explanation")).get(0).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("erase:submit"))).as("admins may erase").isNotEmpty();
        screenshot("user");
    }

    @Test
    void anOperatorStartsAJobAndWatchesItFinish() {
        signIn(RecsysServer.OPERATOR, RecsysServer.CONSOLE_PASSWORD);
        browser.get(base + "/console/jobs.xhtml");
        wait(ExpectedConditions.elementToBeClickable(By.xpath("//input[@value='Start cluster-interests']"))).click();
        WebElement notice = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul.messages .notice, "
                + "ul.messages li")));
        Matcher started = Pattern.compile("execution (\\d+)").matcher(notice.getText());
        assertThat(started.find()).as(notice.getText()).isTrue();
        String executionId = started.group(1);
        screenshot("started");

        By status = By.xpath("//div[@id='job-cluster-interests']//tr[td[1][normalize-space()='" + executionId
                + "']]/td[contains(@class,'status')]");
        new WebDriverWait(browser, Duration.ofMinutes(4), Duration.ofSeconds(2))
                .ignoring(StaleElementReferenceException.class).until(driver -> {
            // The anchor scrolls the job into view, so that the screenshot shows it.
            driver.get(base + "/console/jobs.xhtml#job-cluster-interests");
            List<WebElement> cell = driver.findElements(status);
            return !cell.isEmpty() && cell.get(0).getText().equals("COMPLETED");
        });
        screenshot("completed");
    }

    @Test
    void aViewerSeesJobsButCannotStartThem() {
        signIn(RecsysServer.VIEWER, RecsysServer.CONSOLE_PASSWORD);
        browser.get(base + "/console/jobs.xhtml");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("job-cluster-interests")));
        assertThat(browser.findElements(By.cssSelector("input.start"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-keys"))).as("only admins see API keys").isEmpty();
        screenshot("jobs");
    }

    @Test
    void anAdminCreatesAKeyThatWorksAtOnceAndStopsWorkingWhenRevoked(Api api) {
        signIn(admin.get("user"), admin.get("password"));
        browser.findElement(By.id("nav-keys")).click();
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("create:name"))).sendKeys(name);
        new Select(browser.findElement(By.id("create:scope"))).selectByValue("WRITE");
        browser.findElement(By.id("create:submit")).click();
        String token = wait(ExpectedConditions.presenceOfElementLocated(By.id("token"))).getText().strip();
        screenshot("created");

        Api partner = api.withKey(token);
        Api.Answer put = partner.put("users/" + name, Map.of("preferenceText", "ambient synths"));
        assertThat(put.status()).as(put.toString()).isIn(200, 201);

        String keyId = ConsoleSession.keyId(token);
        browser.findElement(By.cssSelector("tr[data-key-id='" + keyId + "'] input.revoke")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Revoked key " + keyId));
        screenshot("revoked");
        assertThat(partner.get("items?limit=1").status()).isEqualTo(401);
    }
}
