package org.pathwise.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven by chromium-driver, for browser tests. Saves a screenshot under
 * {@code target/browser-screenshots/} when a test fails. When Chromium or its driver is not installed, the tests are
 * reported as skipped with the command that installs them.
 */
public final class Browser implements AfterTestExecutionCallback {

    private static final String CHROMIUM = System.getProperty("pathwise.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("pathwise.chromedriver", "/usr/bin/chromedriver");

    private WebDriver driver;
    private Path profile;

    public WebDriver driver() {
        if (driver == null) {
            Assumptions.assumeTrue(
                    Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
                    "browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver");
            try {
                profile = Files.createTempDirectory("pathwise-chromium");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort()
                    .build();
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1280,900",
                    "--lang=en-US",
                    "--user-data-dir=" + profile);
            // the console's messages, so that tests can check a page logs no error (a blocked script or style)
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        }
        return driver;
    }

    public void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        if (driver != null && context.getExecutionException().isPresent()) {
            var folder = Path.of("target", "browser-screenshots");
            Files.createDirectories(folder);
            var file = folder.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
