package org.pathwise.lti;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pathwise.DoorTests;
import org.pathwise.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instructor opens Pathwise from a course of a simulated platform in Chromium: the browser posts the login
 * initiation, follows the redirect to the platform, posts the signed launch back and lands signed in on the Ask page
 * of their course; Deep Linking sends a signed link back to the platform.
 */
class LtiBrowserTests extends DoorTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final SimulatedPlatform platform = new SimulatedPlatform();

    @Autowired
    LtiPlatforms platforms;

    private WebDriver driver;
    private LtiPlatform registered;

    @BeforeEach
    void start() {
        registered = platforms.withIssuer(platform.issuer()).stream()
                .findFirst()
                .orElseGet(() -> platforms.register(platform.registration("Faculty Moodle")));
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
    static void stop() {
        browser.quit();
        platform.close();
    }

    private String tool() {
        return "http://localhost:" + port;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void anAdministratorRegistersAPlatformOnThePage() {
        if (users.find("lti-page-admin").isEmpty()) {
            users.create("lti-page-admin", "lti page admin password", org.pathwise.security.Role.ADMIN);
        }
        driver.get(tool() + "/signin");
        driver.findElement(By.id("username")).sendKeys("lti-page-admin");
        driver.findElement(By.id("password")).sendKeys("lti page admin password");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".session"), "lti-page-admin"));
        driver.get(tool() + "/admin/lti");
        assertThat(driver.findElement(By.id("lti-login-url")).getText()).isEqualTo(tool() + "/lti/login");
        assertThat(driver.findElement(By.id("lti-jwks-url")).getText()).isEqualTo(tool() + "/lti/jwks");

        fill("lti-name", "Campus Moodle");
        fill("lti-issuer", "https://moodle.campus.example.edu");
        fill("lti-client", "Zq7bT1");
        fill("lti-auth", "https://moodle.campus.example.edu/mod/lti/auth.php");
        fill("lti-token", "https://moodle.campus.example.edu/mod/lti/token.php");
        fill("lti-jwks", "http://moodle.campus.example.edu/mod/lti/certs.php");
        fill("lti-deployments", "3, 4");
        driver.findElement(By.cssSelector("#lti-platform-form button[type=submit]"))
                .click();

        // a plain http URL elsewhere than on this machine is refused, and the form keeps what was typed
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
        assertThat(driver.findElement(By.cssSelector(".error")).getText())
                .contains("the JWKS URL must be an https URL");
        assertThat(driver.findElement(By.id("lti-name")).getAttribute("value")).isEqualTo("Campus Moodle");
        fill("lti-jwks", "https://moodle.campus.example.edu/mod/lti/certs.php");
        driver.findElement(By.cssSelector("#lti-platform-form button[type=submit]"))
                .click();

        // a click returns before the next page has loaded
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("Campus Moodle is registered");
        assertThat(platforms.withIssuer("https://moodle.campus.example.edu"))
                .singleElement()
                .satisfies(registered -> assertThat(registered.deploymentIds()).containsExactly("3", "4"));
        assertThat(driver.findElement(By.cssSelector("table")).getText()).contains("Campus Moodle", "Zq7bT1", "3, 4");
    }

    private void fill(String id, String value) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    void anInstructorLaunchesFromTheirCourseAndLandsOnItsAskPage() {
        platform.coursePage("/course/dc-101", tool(), "resource");
        driver.get(platform.url("/course/dc-101"));

        driver.findElement(By.id("launch")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("post")));
        driver.findElement(By.id("post")).click();
        waiting().until(ExpectedConditions.urlContains("/ask"));

        assertThat(driver.getCurrentUrl()).isEqualTo(tool() + "/ask?course=dc-101");
        assertThat(driver.findElement(By.cssSelector(".session")).getText())
                .contains("lti" + registered.id() + "-user-7", "educator");
        assertThat(new Select(driver.findElement(By.cssSelector("select[name=course]")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("dc-101");
    }

    @Test
    void aLearnerSeesWhyTheLaunchIsRefused() {
        platform.coursePage("/course/dc-101/learner", tool(), "learner");
        driver.get(platform.url("/course/dc-101/learner"));

        driver.findElement(By.id("launch")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("post")));
        driver.findElement(By.id("post")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lti-refused")));

        assertThat(driver.findElement(By.id("lti-refused")).getText())
                .contains("Pathwise is for the people who teach", "(Learner)");
    }

    @Test
    void anInstructorPlacesPathwiseInTheirCourseByDeepLinkingInThePlatformsFrame() throws Exception {
        // as Moodle's "Select content" and Canvas's link selection do, the platform runs the whole flow in a frame
        platform.coursePage("/course/dc-201/add", tool(), "deep-linking");
        platform.framingPage("/course/dc-201/select", "/course/dc-201/add");
        driver.get(platform.url("/course/dc-201/select"));
        driver.switchTo().frame("tool");

        driver.findElement(By.id("launch")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("post")));
        driver.findElement(By.id("post")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lti-deep-linking")));
        var course = new Select(driver.findElement(By.id("lti-link-course")));
        assertThat(course.getFirstSelectedOption().getAttribute("value")).isEqualTo("dc-201");
        course.selectByValue("dc-301");
        var title = driver.findElement(By.id("lti-link-title"));
        title.clear();
        title.sendKeys("Ask about assessment");
        driver.findElement(By.cssSelector("#lti-deep-linking button[type=submit]"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("received")));

        var posted = platform.server().findAll(postRequestedFor(urlPathEqualTo("/deep-link-return")));
        assertThat(posted).hasSize(1);
        var form = posted.getFirst().getBodyAsString();
        assertThat(form).startsWith("JWT=").doesNotContain("_csrf");
        var jwt = SignedJWT.parse(URLDecoder.decode(form.substring("JWT=".length()), StandardCharsets.UTF_8));
        var keys = JWKSet.parse(HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(tool() + "/lti/jwks")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        var key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(SimulatedPlatform.CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(platform.issuer());
        assertThat(claims.getStringClaim(SimulatedPlatform.LTI + "message_type"))
                .isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(SimulatedPlatform.LTI + "deployment_id"))
                .isEqualTo(SimulatedPlatform.DEPLOYMENT_ID);
        assertThat(claims.getStringClaim(SimulatedPlatform.DL + "data")).isEqualTo("opaque-platform-data");
        assertThat(claims.getClaim(SimulatedPlatform.DL + "content_items"))
                .isEqualTo(List.of(Map.of(
                        "type",
                        "ltiResourceLink",
                        "title",
                        "Ask about assessment",
                        "url",
                        tool() + "/lti/launch",
                        "custom",
                        Map.of("course", "dc-301"))));
        assertThat(claims.getExpirationTime()).isAfter(new java.util.Date());
    }
}
