package org.familyengagement.reporttests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report of the sample district in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). One browser session serves every test.
 * Without the browser the tests fail and say how to install it: they never pass unchecked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HtmlReportBrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("engagement.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("engagement.chromedriver", "/usr/bin/chromedriver"));
    static final String AS_OF = "2026-11-20T23:00:00Z";

    private static Path report;
    private static String html;
    private static ChromeDriver driver;

    @BeforeAll
    static void auditTheSampleDistrictAndOpenABrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("no Chromium at " + CHROMIUM
                + ": install it with `apt-get install -y chromium chromium-driver` (.ci/run does)").isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("no chromedriver at " + CHROMEDRIVER
                + ": install it with `apt-get install -y chromium chromium-driver` (.ci/run does)").isTrue();
        Path jar = Path.of(System.getProperty("engagement.cli.jar"));
        assertThat(jar).as("the command line jar; build it first: ./mvnw package").isRegularFile();
        Path target = Path.of("target");
        Files.createDirectories(target);
        report = target.resolve("sample-report.html");
        audit(jar, report, "en");
        html = Files.readString(report, StandardCharsets.UTF_8);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1800", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    static void audit(Path jar, Path out, String lang) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "audit", "--data",
                System.getProperty("engagement.sample"), "--as-of", AS_OF, "--format", "html", "--lang", lang,
                "--out", out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openTheReport() {
        driver.manage().window().setSize(new Dimension(1280, 1800));
        driver.get(report.toUri().toString());
    }

    private static Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Test
    @Order(1)
    void theEquityChartsDrawABarForEveryLabelOfTheTableWithTheReferenceAndFourFifthsLines() {
        List<WebElement> figures = driver.findElements(By.cssSelector("#equity figure.equity-chart"));
        assertThat(figures).as("one chart per group rule and dimension").hasSizeGreaterThanOrEqualTo(3);
        for (WebElement figure : figures) {
            List<WebElement> bars = figure.findElements(By.cssSelector("svg rect.bar"));
            List<WebElement> rows = figure.findElements(By.cssSelector("tbody tr"));
            assertThat(bars).as(figure.getAttribute("data-rule") + " " + figure.getAttribute("data-dimension"))
                    .hasSameSizeAs(rows).isNotEmpty();
            assertThat(figure.findElements(By.cssSelector("svg line.reference-line"))).hasSize(1);
            assertThat(figure.findElements(By.cssSelector("svg line.four-fifths"))).hasSize(1);
            // Rendered: a real box on the page, not only markup.
            assertThat(figure.findElement(By.tagName("svg")).getSize().getWidth()).isGreaterThan(200);
        }
        // The sample's planted gap: Somali-speaking families reached far less often, flagged.
        WebElement homeLanguage = driver.findElement(By.cssSelector(
                "#equity figure[data-rule='group-reach-disparity'][data-dimension='homeLanguage']"));
        WebElement somali = homeLanguage.findElement(By.cssSelector("rect.bar[data-label='so']"));
        assertThat(somali.getAttribute("class")).contains("flagged");
        WebElement urdu = homeLanguage.findElement(By.cssSelector("rect.bar[data-label='ur']"));
        assertThat(Double.parseDouble(somali.getAttribute("width")))
                .isLessThan(Double.parseDouble(urdu.getAttribute("width")) / 2);
        // Names, not codes; and the label below the minimum group size is nowhere.
        assertThat(homeLanguage.getText()).contains("Somali", "Haitian Creole").doesNotContain("Nepali");
        assertThat(html).doesNotContain("data-label=\"ne\"");
    }

    @Test
    @Order(2)
    void theAgeingAndBalanceChartsRender() {
        List<WebElement> ageing = driver.findElements(By.cssSelector("#ageing-chart rect.bar"));
        assertThat(ageing).hasSize(4);
        double total = 0;
        for (WebElement bar : ageing) {
            total += Double.parseDouble(bar.getAttribute("height"));
        }
        assertThat(total).isGreaterThan(4);
        assertThat(driver.findElement(By.cssSelector("#ageing-chart desc")).getAttribute("textContent"))
                .contains("school days");
        List<WebElement> balance = driver.findElements(By.cssSelector("#balance-chart rect.bar"));
        // A positive and a concern bar for each of the sample's 8 schools.
        assertThat(balance).hasSize(16);
        assertThat(driver.findElements(By.cssSelector("#balance-chart rect.positive"))).hasSize(8);
    }

    @Test
    @Order(3)
    void clickingAColumnHeaderSortsTheFamilies() {
        WebElement familyHeader = driver.findElement(By.cssSelector("#family-table thead th:nth-child(2) button"));
        familyHeader.click();
        List<String> ascending = column(2, 30);
        assertThat(ascending).isSortedAccordingTo(String::compareTo);
        assertThat(driver.findElement(By.cssSelector("#family-table thead th:nth-child(2)")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        familyHeader.click();
        List<String> descending = column(2, 30);
        assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(descending.get(0)).isNotEqualTo(ascending.get(0));
        // Back to urgency order by rank.
        driver.findElement(By.cssSelector("#family-table thead th:nth-child(1) button")).click();
        assertThat(column(1, 30)).extracting(Integer::parseInt).isSorted();
    }

    @Test
    @Order(4)
    void theFiltersNarrowTheFamiliesBySeverityRuleSchoolAndId() {
        int all = visibleRows().size();
        new Select(driver.findElement(By.id("filter-severity"))).selectByValue("HIGH");
        List<List<String>> visible = visibleRows();
        assertThat(visible).isNotEmpty().hasSizeLessThan(all).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("HIGH"));
        new Select(driver.findElement(By.id("filter-rule"))).selectByValue("unanswered-input");
        List<List<String>> questions = visibleRows();
        assertThat(questions).isNotEmpty().hasSizeLessThan(visible.size())
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("unanswered-input"));
        assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo(questions.size() + " of " + all);
        new Select(driver.findElement(By.id("filter-school"))).selectByValue("sch-08");
        assertThat(visibleRows()).isNotEmpty().hasSizeLessThan(questions.size())
                .allSatisfy(row -> assertThat(row.get(2).split(" ")).contains("sch-08"));
        new Select(driver.findElement(By.id("filter-severity"))).selectByIndex(0);
        new Select(driver.findElement(By.id("filter-rule"))).selectByIndex(0);
        new Select(driver.findElement(By.id("filter-school"))).selectByIndex(0);
        WebElement family = driver.findElement(By.id("filter-family"));
        family.sendKeys("f-000019");
        assertThat(visibleRows()).isNotEmpty().allSatisfy(row -> assertThat(row.get(3)).isEqualTo("f-000019"));
    }

    @Test
    @Order(5)
    void withoutJavaScriptEveryFindingIsListedAndTheFiltersAreHidden() {
        // The page as written, before its script runs: filters hidden, no row hidden, urgency order.
        assertThat(html).contains("<form id=\"filters\" class=\"filters\" hidden>");
        assertThat(html).doesNotContain("<tr hidden");
        assertThat(driver.findElement(By.id("filters")).isDisplayed()).isTrue();
    }

    @Test
    @Order(6)
    void noRequestLeavesThePage() {
        // The report loads nothing: no resource was fetched for it.
        assertThat((List<?>) script("return performance.getEntriesByType('resource').map(e => e.name);")).isEmpty();
        // And it cannot: its Content-Security-Policy blocks a request even a script makes.
        // (A blocked request still gets a resource-timing entry, so the violations are what prove it.)
        Object outcome = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const violated = [];
                document.addEventListener('securitypolicyviolation', e => violated.push(e.effectiveDirective));
                const image = new Image();
                image.src = 'https://example.org/pixel.png';
                fetch('https://example.org/data.json').then(() => done('fetched'))
                  .catch(() => setTimeout(() => done(violated.sort().join(' ')), 200));
                """);
        assertThat(outcome).isEqualTo("connect-src img-src");
        // Nothing in the file names another origin.
        assertThat(html).doesNotContain("http://", "https://", "<link", "<img", "@import", "url(");
    }

    @Test
    @Order(7)
    void theReportIsAccessibleAndInTheReportsLanguage() throws Exception {
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("main section h2"))).hasSize(7);
        for (WebElement svg : driver.findElements(By.cssSelector("svg"))) {
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.findElements(By.tagName("title"))).hasSize(1);
            assertThat(svg.findElements(By.tagName("desc"))).hasSize(1);
        }
        assertThat(driver.findElements(By.cssSelector("#family-table thead th[scope='col']"))).hasSize(7);

        Path spanish = Path.of("target", "sample-report-es.html");
        audit(Path.of(System.getProperty("engagement.cli.jar")), spanish, "es");
        driver.get(spanish.toUri().toString());
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(driver.findElement(By.id("h-families")).getText()).isEqualTo("Familias, por urgencia");
        assertThat(driver.findElement(By.id("equity")).getText()).contains("somalí");
    }

    @Test
    @Order(8)
    void screenshotsAtDesktopAndNarrowWidths() throws IOException {
        Path dir = Path.of(System.getProperty("engagement.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        driver.manage().window().setSize(new Dimension(1280, 1800));
        written.add(Files.write(dir.resolve("report-desktop.png"), driver.getScreenshotAs(OutputType.BYTES)));
        script("document.getElementById('equity').scrollIntoView();");
        written.add(Files.write(dir.resolve("report-equity.png"), driver.getScreenshotAs(OutputType.BYTES)));
        script("document.getElementById('ageing').scrollIntoView();");
        written.add(Files.write(dir.resolve("report-ageing.png"), driver.getScreenshotAs(OutputType.BYTES)));
        driver.manage().window().setSize(new Dimension(390, 1600));
        script("window.scrollTo(0, 0);");
        // At a phone's width the family table turns into cards and nothing overflows sideways.
        assertThat((Long) script("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(390L);
        written.add(Files.write(dir.resolve("report-narrow.png"), driver.getScreenshotAs(OutputType.BYTES)));
        for (Path png : written) {
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).hasSizeGreaterThan(10_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
        // The ones docs/report.md shows are committed; -Dengagement.docs.images=../docs/images refreshes them.
        String docs = System.getProperty("engagement.docs.images");
        if (docs != null) {
            for (Path png : written) {
                Files.copy(png, Path.of(docs).resolve(png.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String name : List.of("report-desktop.png", "report-equity.png", "report-ageing.png",
                "report-narrow.png")) {
            assertThat(Path.of("..", "docs", "images", name)).as("committed screenshot").isRegularFile();
        }
    }

    /** The rows shown, as {@code [severity, rule, school, family]} (one script call: thousands of rows). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> visibleRows() {
        return (List<List<String>>) script("""
                return Array.from(document.querySelectorAll('#family-table tbody tr'))
                  .filter(r => !r.hidden && r.offsetParent !== null)
                  .map(r => [r.dataset.severity, r.dataset.rule, r.dataset.school, r.cells[1].textContent]);
                """);
    }

    /** The text of a column in the first {@code limit} rows shown. */
    private static List<String> column(int index, int limit) {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) script("""
                return Array.from(document.querySelectorAll('#family-table tbody tr'))
                  .filter(r => !r.hidden).slice(0, arguments[1])
                  .map(r => r.cells[arguments[0] - 1].textContent);
                """, index, limit);
        return values;
    }
}
