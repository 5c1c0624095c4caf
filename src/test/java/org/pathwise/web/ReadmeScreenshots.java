package org.pathwise.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pathwise.security.Role;
import org.pathwise.security.TestUsers;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Takes the README's screenshots in headless Chromium, from the service with its sample library. Not a test that the
 * build runs (its name says so); run it when the pages change:
 * {@code ./mvnw test -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false}. The pictures go to
 * {@code docs/screenshots/}, or to the folder named by {@code -Dpathwise.screenshots=DIR}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeScreenshots {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-screenshots");
    private static final Path OUTPUT = Path.of(System.getProperty("pathwise.screenshots", "docs/screenshots"));
    private static final String ADMIN_PASSWORD = "screenshots admin password";
    private static final String EDUCATOR_PASSWORD = "screenshots educator password";
    private static final String RESEARCHER_PASSWORD = "screenshots researcher password";

    @RegisterExtension
    static final Browser browser = new Browser();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.security.bootstrap-admin-password", () -> ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @AfterAll
    static void quit() {
        browser.quit();
    }

    @Test
    void takesTheTour() throws IOException {
        if (users.find("teacher").isEmpty()) {
            users.create("teacher", EDUCATOR_PASSWORD, Role.EDUCATOR);
        }
        if (users.find("researcher").isEmpty()) {
            users.create("researcher", RESEARCHER_PASSWORD, Role.RESEARCHER);
        }
        var driver = browser.driver();
        Files.createDirectories(OUTPUT);

        signIn(driver, "teacher", EDUCATOR_PASSWORD);
        driver.get(url("/ask"));
        driver.findElement(By.id("question")).sendKeys("What contrast ratio does WCAG require for normal text?");
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".turn a.citation")));
        save(driver, "ask.png");

        driver.findElement(By.cssSelector(".turn a.citation")).click();
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".passage .quoted")));
        save(driver, "document.png");

        driver.get(url("/library"));
        driver.findElement(By.id("q")).sendKeys("contrast ratio", Keys.ENTER);
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .snippet mark")));
        save(driver, "library.png");

        driver.get(url("/pathways/questionnaire"));
        save(driver, "questionnaire.png");

        driver.findElement(By.cssSelector("input[name=answer-q4][value='1']")).click();
        driver.findElement(By.cssSelector("input[name=answer-q7][value='2']")).click();
        driver.findElement(By.id("target")).sendKeys("2.1:B2; 2.2:B1");
        var hours = driver.findElement(By.id("hours_per_week"));
        hours.clear();
        hours.sendKeys("4");
        var languages = driver.findElement(By.id("languages"));
        languages.clear();
        languages.sendKeys("en");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.standing")));
        save(driver, "path.png");

        driver.manage().deleteAllCookies();
        signIn(driver, "admin", ADMIN_PASSWORD);
        driver.get(url("/audit"));
        driver.findElement(By.cssSelector(".nav-group summary.current")).click();
        save(driver, "audit.png");

        driver.get(url("/admin/users"));
        save(driver, "users.png");

        driver.manage().deleteAllCookies();
        signIn(driver, "researcher", RESEARCHER_PASSWORD);
        driver.get(url("/audit"));
        driver.findElement(By.cssSelector("table.audit-records a[href*='/audit/records/']"))
                .click();
        waiting(driver).until(ExpectedConditions.urlContains("/audit/records/"));
        save(driver, "audit-record.png");

        driver.get(url("/audit/dashboard"));
        save(driver, "dashboard.png");

        driver.get(url("/audit/runs"));
        new Select(driver.findElement(By.id("set"))).selectByValue("sample-library");
        driver.findElement(By.id("limit")).sendKeys("12");
        driver.findElement(By.cssSelector("#start-run button[type=submit]")).click();
        waiting(driver).until(ExpectedConditions.urlContains("/audit/runs/"));
        new WebDriverWait(driver, Duration.ofMinutes(5), Duration.ofSeconds(3)).until(page -> {
            page.navigate().refresh();
            return !page.findElements(By.id("run-questions")).isEmpty();
        });
        save(driver, "evaluation-run.png");
    }

    private void signIn(WebDriver driver, String username, String password) {
        driver.get(url("/signin"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        waiting(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".session"), username));
    }

    private static void save(WebDriver driver, String name) throws IOException {
        Files.write(OUTPUT.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
