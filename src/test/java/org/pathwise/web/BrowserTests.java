package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pathwise.security.Role;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web app in a real headless Chromium against the running service with its sample library. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTests {

    private static final Path DATA_DIR = createDataDir();
    private static final String ADMIN_PASSWORD = "browser admin password";
    private static final String EDUCATOR_PASSWORD = "browser educator password";
    private static final String RESEARCHER_PASSWORD = "browser researcher password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.security.bootstrap-admin-password", () -> ADMIN_PASSWORD);
        registry.add(
                "pathwise.evaluation.report-dir",
                () -> DATA_DIR.resolve("reports").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    private WebDriver driver;

    @BeforeEach
    void start() {
        if (users.find("teacher").isEmpty()) {
            users.create("teacher", EDUCATOR_PASSWORD, Role.EDUCATOR);
        }
        if (users.find("auditor").isEmpty()) {
            users.create("auditor", RESEARCHER_PASSWORD, Role.RESEARCHER);
        }
        driver = browser.driver();
        driver.manage().deleteAllCookies();
    }

    @AfterEach
    void signOut() {
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    @AfterAll
    static void quit() {
        browser.quit();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private void signIn(String username, String password) {
        driver.get(url("/signin"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".session"), username));
    }

    @Test
    void signsInAndSeesTheirRole() {
        signIn("teacher", EDUCATOR_PASSWORD);

        assertThat(driver.findElement(By.cssSelector(".session")).getText()).contains("teacher", "educator");
        assertThat(driver.findElements(By.cssSelector(".nav a")))
                .extracting(WebElement::getText)
                .contains("Library", "Account")
                .doesNotContain("Upload", "Users");
    }

    @Test
    void rejectsAWrongPassword() {
        driver.get(url("/signin"));
        driver.findElement(By.id("username")).sendKeys("teacher");
        driver.findElement(By.id("password")).sendKeys("not the password");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
        assertThat(driver.getCurrentUrl()).contains("/signin?error");
    }

    @Test
    void searchesFromTheLibraryPageAndSeesAHighlightedSnippet() {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/library"));

        var box = driver.findElement(By.id("q"));
        box.sendKeys("contrast ratio", Keys.ENTER);

        var mark = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .snippet mark")));
        assertThat(mark.getText().toLowerCase()).isIn("contrast", "ratio");
        assertThat(driver.findElements(By.cssSelector("#results .hit")).size()).isPositive();
        assertThat(driver.getCurrentUrl()).contains("/library");
    }

    @Test
    void anAdministratorUploadsADocumentAndFindsItInSearch() throws IOException {
        var file = Files.createTempFile("pathwise-upload", ".md");
        Files.writeString(file, "# Mentoring new lecturers\n\nPair each new lecturer with a narwhal-minded mentor.");
        signIn("admin", ADMIN_PASSWORD);
        driver.get(url("/library/upload"));

        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("licence")).sendKeys("CC-BY-4.0");
        driver.findElement(By.id("authors")).sendKeys("Grace Mensah");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();

        var report = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report")));
        assertThat(report.getText()).contains("Indexed");
        driver.get(url("/library"));
        driver.findElement(By.id("q")).sendKeys("narwhal mentor", Keys.ENTER);
        var hit = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .hit a")));
        assertThat(hit.getText()).isEqualTo("Mentoring new lecturers");
    }

    @Test
    void anAdministratorsNavigationGroupsItsPagesIntoMenusThatTheKeyboardOpensAndEscapeCloses() {
        signIn("admin", ADMIN_PASSWORD);
        driver.get(url("/admin/users"));

        var top = driver.findElements(By.cssSelector(".nav > li"));
        assertThat(top).hasSizeLessThanOrEqualTo(5);
        var menus = driver.findElements(By.cssSelector(".nav-group summary"));
        assertThat(menus).extracting(WebElement::getText).containsExactly("Learn", "Administer", "Research");
        assertThat(menus.get(1).getAttribute("class")).contains("current");
        var users = driver.findElement(By.cssSelector(".nav-group a[aria-current=page]"));
        assertThat(users.isDisplayed()).isFalse();

        // Tab to the Administer menu, open it with Enter, then close it with Escape
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int i = 0; i < 20 && !driver.switchTo().activeElement().getText().equals("Administer"); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(users.isDisplayed()).isTrue();
        assertThat(users.getText()).isEqualTo("Users");
        menus.get(2).click();
        assertThat(users.isDisplayed()).isFalse();
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(driver.findElements(By.cssSelector(".nav-group details[open]")))
                .isEmpty();
    }

    /**
     * axe-core's WCAG 2.1 A and AA rules on every page, as each role sees it: no serious or critical violation, and no
     * error in the browser's console. The pages are visited with content (an answer, search results, a document, a
     * plan, the audit log).
     */
    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolationAndNoConsoleError() throws IOException {
        String axe;
        try (var in = BrowserTests.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var violations = new java.util.ArrayList<String>();
        var checked = new java.util.ArrayList<String>();
        // the console's messages of earlier tests in this browser are not this test's
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        java.util.function.Consumer<String> check = path -> {
            if (path != null) {
                driver.get(url(path));
            }
            checked.add(driver.getCurrentUrl());
            violations.addAll(axeViolations(axe));
            // nor does it log an error, such as a script or style the content security policy blocks
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(entry -> driver.getCurrentUrl() + ": console: " + entry.getMessage())
                    .forEach(violations::add);
        };

        check.accept("/signin");
        signIn("teacher", EDUCATOR_PASSWORD);
        check.accept("/");
        driver.get(url("/ask"));
        driver.findElement(By.id("question")).sendKeys("What contrast ratio does WCAG require for normal text?");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn a.citation")));
        check.accept(null);
        driver.findElement(By.cssSelector(".turn a.citation")).click();
        waiting().until(ExpectedConditions.urlContains("/library/documents/"));
        check.accept(null);
        check.accept("/library?q=contrast+ratio");
        check.accept("/pathways/questionnaire");
        check.accept("/pathways/path");
        check.accept("/account");
        driver.manage().deleteAllCookies();
        signIn("admin", ADMIN_PASSWORD);
        for (var path : List.of(
                "/library/upload",
                "/pathways/admin/catalogue",
                "/pathways/admin/cohorts",
                "/admin/users",
                "/admin/lti",
                "/admin/policy",
                "/admin/review",
                "/audit",
                "/audit/dashboard",
                "/audit/runs")) {
            check.accept(path);
        }

        assertThat(checked).hasSize(18);
        assertThat(violations).isEmpty();
        // the check sees a violation when there is one: a button with no name
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.querySelector('main').append(document.createElement('button'));");
        assertThat(axeViolations(axe)).anySatisfy(line -> assertThat(line).contains("button-name (critical)"));
        // and the console's errors reach the test
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("console.error('pathwise console check');");
        assertThat(driver.manage()
                        .logs()
                        .get(org.openqa.selenium.logging.LogType.BROWSER)
                        .getAll())
                .anySatisfy(entry -> assertThat(entry.getMessage()).contains("pathwise console check"));
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the current page, one line each. */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations(String axe) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axe);
        var found = (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(results => done(results.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => location.pathname + ': ' + v.id + ' (' + v.impact + ') at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return found;
    }

    @Test
    void anEducatorSeesNoUploadControlAndIsRefusedByTheUploadEndpoint() throws Exception {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/library"));

        assertThat(driver.findElements(By.linkText("Upload a document"))).isEmpty();
        driver.get(url("/library/upload"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("may not");

        var boundary = "pathwise-boundary";
        var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n# X\n\ntext\r\n--" + boundary + "--\r\n";
        var credentials =
                Base64.getEncoder().encodeToString(("teacher:" + EDUCATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/documents")))
                                .header("Authorization", "Basic " + credentials)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void asksSeesCitationsOpensOneAndGivesFeedback() {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/ask"));

        driver.findElement(By.id("question")).sendKeys("What contrast ratio does WCAG require for normal text?");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();

        var citation = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn a.citation")));
        var answer = driver.findElement(By.cssSelector(".turn .answer-text")).getText();
        assertThat(answer).contains("[1]");
        assertThat(driver.findElement(By.cssSelector(".turn .copy-source")).getAttribute("value"))
                .contains("[1] \"Accessible Course Materials")
                .contains("generated by an AI system");
        assertThat(driver.findElement(By.cssSelector(".turn .disclosure")).getText())
                .contains("generated by an AI system");

        driver.findElement(By.cssSelector(".turn .rate-up")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-saved")));

        var href = citation.getAttribute("href");
        citation.click();
        waiting().until(ExpectedConditions.urlContains("/library/documents/"));
        // the link opens the first sentence the answer quotes, marked with the others it quotes
        var fragment = href.substring(href.indexOf('#') + 1);
        assertThat(fragment).matches("p\\d+-s\\d+");
        var sentence = driver.findElement(By.id(fragment));
        assertThat(sentence.getAttribute("class")).contains("quoted");
        assertThat(answer).contains(sentence.getText());
        assertThat(driver.findElements(By.cssSelector(".passage .quoted")))
                .allSatisfy(quoted -> assertThat(answer).contains(quoted.getText()));
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                                "return document.querySelector(':target') === arguments[0]"
                                        + " && arguments[0].closest('.passage') !== null;",
                                sentence))
                .isTrue();
    }

    @Test
    void aHowToQuestionShowsTheStepsOfTheProcedureOneALine() {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/ask"));

        driver.findElement(By.id("question")).sendKeys("¿Cómo puedo facilitar un debate en línea?");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();

        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn a.citation")));
        var lines = driver.findElement(By.cssSelector(".turn .answer-text"))
                .getText()
                .lines()
                .toList();
        assertThat(lines).filteredOn(line -> line.matches("\\d\\. .+ \\[1]")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.cssSelector(".turn a.citation")).getText())
                .contains("debates");
    }

    @Test
    void switchesToArabicWithTheKeyboardAndAsksInArabicWithTheInterfaceRightToLeft() {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/ask"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");

        // the language menu is reached with Tab and followed with Enter
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        boolean reached = false;
        for (int i = 0; i < 30 && !reached; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            reached = "ar".equals(driver.switchTo().activeElement().getAttribute("hreflang"));
        }
        assertThat(reached)
                .as("the Arabic entry of the language menu is reached by Tab")
                .isTrue();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("العربية");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ar"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("اسأل المكتبة");
        assertThat(driver.findElement(By.cssSelector("label[for=question]")).getText())
                .isEqualTo("سؤالك");
        assertThat(driver.findElement(By.cssSelector("nav.languages a[aria-current=true]"))
                        .getText())
                .isEqualTo("العربية");
        // mirrored: the brand, first in the header, stands at its right, the session at its left
        assertThat(driver.findElement(By.cssSelector(".brand")).getRect().getX())
                .isGreaterThan(
                        driver.findElement(By.cssSelector(".session")).getRect().getX());

        driver.findElement(By.id("question")).sendKeys("كيف أجعل الشرائح في متناول الطلاب ذوي الإعاقة البصرية؟");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();

        var answer = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".turn .answer")));
        assertThat(driver.findElement(By.cssSelector(".turn .question")).getText())
                .isEqualTo("كيف أجعل الشرائح في متناول الطلاب ذوي الإعاقة البصرية؟");
        assertThat(answer.getAttribute("class"))
                .as("an ordinary question in Arabic is answered or abstained from, not refused: " + answer.getText())
                .containsAnyOf("answered", "abstained")
                .doesNotContain("refused");
        assertThat(driver.findElement(By.cssSelector(".turn .answer-text")).getText())
                .isNotBlank();
        assertThat(driver.findElement(By.cssSelector(".turn .feedback legend")).getText())
                .isEqualTo("هل كانت هذه الإجابة مفيدة؟");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(driver.findElement(By.cssSelector("#ask-form button[type=submit]"))
                        .getText())
                .isEqualTo("اسأل");

        // the choice is remembered on the next page
        driver.get(url("/library"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("المكتبة");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    }

    @Test
    void anEducatorSeesThatPersonalDataWasRemovedAndAnAdministratorSeesTheRefusalToReview() {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/ask"));
        driver.findElement(By.id("question"))
                .sendKeys("What contrast ratio does WCAG require? Reply to tariq.haddad@example.org");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        var note = waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".turn .policy-notes li")));
        assertThat(note.getText()).contains("Personal data was removed");
        driver.findElement(By.id("question")).sendKeys("Should I fail Maria Lopez in the statistics module?");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "criteria"));
        driver.manage().deleteAllCookies();

        signIn("admin", ADMIN_PASSWORD);
        driver.get(url("/admin/review"));
        assertThat(driver.findElement(By.cssSelector("main")).getText())
                .contains("high-stakes-decision")
                .contains("Should I fail Maria Lopez");
    }

    @Test
    void anAdministratorSeesThePolicyAndAnInvalidVersionIsRejectedWithItsLine() {
        signIn("admin", ADMIN_PASSWORD);
        driver.get(url("/admin/policy"));
        assertThat(driver.findElement(By.id("policy-rules")).getText()).contains("high-stakes-decision");

        var editor = driver.findElement(By.id("policy-yaml"));
        var yaml = editor.getAttribute("value");
        editor.clear();
        editor.sendKeys(yaml.replace("version: pathwise-default/1.1", "version: local/2")
                .replace("action: redirect", "action: scold"));
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();

        var error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-error")));
        assertThat(error.getText()).contains("line").contains("unknown action 'scold'");
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("pathwise-default/1.1");
    }

    @Test
    void aResearcherStartsAnEvaluationRunSeesItFinishAndOpensIt() throws IOException {
        // three questions of the bundled set: two to answer with their expected sources, one the policy refuses
        var lines = Files.readAllLines(Path.of("eval/datasets/sample-library.jsonl"));
        var set = Files.createTempFile("pathwise-questions", ".jsonl");
        Files.write(set, List.of(lines.get(0), lines.get(2), lines.get(50)));
        signIn("auditor", RESEARCHER_PASSWORD);
        driver.get(url("/audit"));
        driver.findElement(By.id("audit-runs-link")).click();

        driver.findElement(By.id("file")).sendKeys(set.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#start-run button[type=submit]")).click();

        waiting().until(ExpectedConditions.urlMatches("/audit/runs/\\d{8}-\\d{6}-[0-9a-f]{8}"));
        var id = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
        new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("run-done")));
        assertThat(driver.findElement(By.id("run-summary")).getText())
                .contains("questions 3", "ndcg_at_10", "groundedness");
        assertThat(driver.findElements(By.cssSelector("#run-questions tbody tr")))
                .extracting(WebElement::getText)
                .hasSize(3)
                .anySatisfy(row -> assertThat(row).contains("refuse", "refused"))
                // each row shows its question, not only its id
                .anySatisfy(row -> assertThat(row)
                        .contains(tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .readTree(lines.get(0))
                                .get("question")
                                .asString()));

        driver.findElement(By.id("audit-runs-link")).click();
        var listed = waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(id)));
        assertThat(driver.findElement(By.id("runs")).getText()).contains(id + " ", "done");
        listed.click();
        waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("run-report")))
                .click();
        waiting().until(ExpectedConditions.titleIs("Evaluation " + id));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Evaluation run " + id);
    }

    @Test
    void reachesTheSearchBoxWithTheKeyboardAlone() {
        signIn("teacher", EDUCATOR_PASSWORD);
        driver.get(url("/library"));

        var body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        var first = driver.switchTo().activeElement();
        assertThat(first.getAttribute("class")).contains("skip-link");
        first.sendKeys(Keys.ENTER);
        boolean reached = false;
        for (int i = 0; i < 15 && !reached; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            reached = "q".equals(driver.switchTo().activeElement().getAttribute("id"));
        }
        assertThat(reached).as("the search box is reached by Tab").isTrue();
        driver.switchTo().activeElement().sendKeys("feedback", Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .hit")));
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("pathwise-browser");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
