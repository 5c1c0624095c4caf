package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access model, row by row: what anonymous visitors, educators, researchers and administrators may do on pages
 * and endpoints, with real users, passwords, sessions and tokens.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessControlTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-access");
    private static final String PASSWORD = TestUsers.PASSWORD;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "bootstrap password 1");
        registry.add("pathwise.security.rate-limits.search", () -> "5");
        // every request here comes from MockMvc's one address; LoginThrottlingTests covers the throttle
        registry.add("pathwise.security.login-throttle.per-address", () -> "1000");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void createUsers() {
        TestUsers.ensureOnePerRole(users);
    }

    private static RequestPostProcessor as(Role role) {
        return TestUsers.as(role);
    }

    @Test
    void bootstrapsTheFirstAdministratorFromTheEnvironment() throws Exception {
        assertThat(users.find("admin"))
                .hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(Role.ADMIN));
        mvc.perform(get("/api/users").with(httpBasic("admin", "bootstrap password 1")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/users").with(httpBasic("admin", "wrong password")))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @CsvSource({"/", "/signin", "/actuator/health", "/css/app.css"})
    void anonymousVisitorsSeeTheHomeSignInAndHealth(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk());
    }

    @Test
    void messagesWithoutArgumentsShowOneApostrophe() throws Exception {
        var page = mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("educators&#39; questions").doesNotContain("&#39;&#39;");
    }

    @ParameterizedTest
    @CsvSource({"/api/search?q=x", "/api/documents", "/api/tokens", "/api/users", "/actuator/prometheus"})
    void anonymousApiCallsGetA401Problem(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @ParameterizedTest
    @CsvSource({"/library", "/library/upload", "/account", "/admin/users"})
    void anonymousPageVisitsAreSentToSignIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
    }

    @ParameterizedTest
    @CsvSource({"EDUCATOR", "RESEARCHER", "ADMIN"})
    void everyRoleReadsAndSearchesTheLibrary(Role role) throws Exception {
        mvc.perform(get("/api/documents").with(as(role))).andExpect(status().isOk());
        mvc.perform(get("/library").with(as(role))).andExpect(status().isOk());
        mvc.perform(get("/account").with(as(role))).andExpect(status().isOk());
    }

    @Test
    void researchersMayNotAsk() throws Exception {
        forbidden(post("/api/ask")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\":\"What is a rubric?\"}")
                .with(as(Role.RESEARCHER)));
        forbidden(get("/api/conversations").with(as(Role.RESEARCHER)));
        mvc.perform(get("/api/conversations").with(as(Role.EDUCATOR))).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource({"EDUCATOR", "RESEARCHER"})
    void onlyAdministratorsChangeTheLibraryOrManageUsers(Role role) throws Exception {
        forbidden(multipart("/api/documents").file(markdown("x.md")).with(as(role)));
        forbidden(post("/api/ingest")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\":\"/tmp\"}")
                .with(as(role)));
        forbidden(delete("/api/documents/abc").with(as(role)));
        forbidden(post("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"x\",\"password\":\"long enough password\",\"role\":\"ADMIN\"}")
                .with(as(role)));
        mvc.perform(get("/library/upload").with(as(role))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(as(role))).andExpect(status().isForbidden());
    }

    private void forbidden(RequestBuilder request) throws Exception {
        mvc.perform(request)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void administratorsUploadAndCreateUsers() throws Exception {
        mvc.perform(multipart("/api/documents")
                        .file(markdown("admin-upload.md"))
                        .with(as(Role.ADMIN)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"username\":\"new.teacher\",\"password\":\"a long new password\",\"role\":\"EDUCATOR\"}")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("new.teacher"))
                .andExpect(jsonPath("$.role").value("EDUCATOR"))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(get("/api/documents").with(httpBasic("new.teacher", "a long new password")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"short\",\"password\":\"short\",\"role\":\"EDUCATOR\"}")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("12 characters")));
        mvc.perform(get("/library/upload").with(as(Role.ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/admin/users").with(as(Role.ADMIN))).andExpect(status().isOk());
    }

    @Test
    void aTokenFromBasicAuthWorksAsBearerUntilRevoked() throws Exception {
        var created = mvc.perform(post("/api/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"script\",\"days\":30}")
                        .with(as(Role.RESEARCHER)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("pw_")))
                .andReturn();
        var body = json.readTree(created.getResponse().getContentAsString());
        var token = body.get("token").asString();
        var bearer = "Bearer " + token;

        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isOk());
        mvc.perform(post("/api/ingest")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"path\":\"/tmp\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/tokens").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("script"))
                .andExpect(jsonPath("$[0].token").doesNotExist());
        assertThat(jdbc.sql("SELECT token_hash FROM api_token")
                        .query(String.class)
                        .list())
                .doesNotContain(token);

        mvc.perform(delete("/api/tokens/" + body.get("id").asLong()).header("Authorization", bearer))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/documents").header("Authorization", bearer))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        var created = mvc.perform(post("/api/tokens").with(as(Role.EDUCATOR))).andReturn();
        var body = json.readTree(created.getResponse().getContentAsString());
        jdbc.sql("UPDATE api_token SET expires_at = created_at WHERE id = ?")
                .param(body.get("id").asLong())
                .update();

        mvc.perform(get("/api/documents")
                        .header("Authorization", "Bearer " + body.get("token").asString()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anAuthorizationHeaderDoesNotExemptASessionFromCsrf() throws Exception {
        users.create("csrf.teacher", PASSWORD, Role.EDUCATOR);
        var session = signIn("csrf.teacher", PASSWORD);

        for (var header : new String[] {"junk", "Bearer junk", "Basic !!!", "Basic " + basic("csrf.teacher")}) {
            mvc.perform(post("/api/tokens").session(session).header("Authorization", header))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/tokens")
                        .header("Authorization", "Basic " + basic("csrf.teacher"))
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tokens").header("Authorization", "Basic " + basic("csrf.teacher")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/tokens").session(session).with(csrf())).andExpect(status().isCreated());
    }

    private static String basic(String username) {
        return java.util.Base64.getEncoder()
                .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthDetailsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").exists())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(as(Role.EDUCATOR)))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.components.db").exists());
    }

    @Test
    void aPageFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(
                        post("/account/password")
                                .param("current", PASSWORD)
                                .param("password", "another long password")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("educator-user")
                                        .roles("EDUCATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(
                        post("/account/password")
                                .param("current", "wrong password!!")
                                .param("password", "another long password")
                                .with(csrf())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("educator-user")
                                        .roles("EDUCATOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("current password is wrong")));
    }

    @Test
    void limitsSearchesPerUserWithA429AndRetryAfter() throws Exception {
        users.create("busy.searcher", PASSWORD, Role.EDUCATOR);
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/search?q=rubric").with(httpBasic("busy.searcher", PASSWORD)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/search?q=rubric").with(httpBasic("busy.searcher", PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/search?q=rubric").with(as(Role.EDUCATOR))).andExpect(status().isOk());
    }

    @Test
    void refusesAnOversizedRequestBodyWith413() throws Exception {
        var body = "{\"path\":\"" + "x".repeat(1024 * 1024) + "\"}";
        mvc.perform(post("/api/ingest")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(Role.ADMIN)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void showsMarkupFromDocumentsAsText() throws Exception {
        var file = new MockMultipartFile(
                "file",
                "xss.md",
                "text/markdown",
                "# Heading\n\nUnusual ocelot text.".getBytes(StandardCharsets.UTF_8));
        var created = mvc.perform(multipart("/api/documents")
                        .file(file)
                        .param("title", "<script>alert(1)</script>")
                        .with(as(Role.ADMIN)))
                .andExpect(status().isCreated())
                .andReturn();
        var id = json.readTree(created.getResponse().getContentAsString())
                .get("document")
                .get("id")
                .asString();

        for (var page : new String[] {"/library", "/library/documents/" + id, "/library?q=ocelot"}) {
            var html = mvc.perform(get(page).with(as(Role.EDUCATOR)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .as(page)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert");
        }
    }

    @Test
    void followsTheBrowserLanguage() throws Exception {
        mvc.perform(get("/signin").header("Accept-Language", "fr-FR,fr;q=0.9"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mot de passe")));
        mvc.perform(get("/signin").header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Password")));
    }

    private String token(RequestPostProcessor user) throws Exception {
        var created = mvc.perform(post("/api/tokens").with(user))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(created.getResponse().getContentAsString())
                .get("token")
                .asString();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(post("/signin")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void signingInLandsOnThePageAskedForOrTheHomePageNeverOnAnError() throws Exception {
        var deepLink = new MockHttpSession();
        mvc.perform(get("/audit").session(deepLink)).andExpect(redirectedUrl("/signin"));
        mvc.perform(post("/signin")
                        .session(deepLink)
                        .param("username", Role.RESEARCHER.label() + "-user")
                        .param("password", TestUsers.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("**/audit?continue"));

        mvc.perform(get("/login")).andExpect(redirectedUrl("/signin"));
        for (var first : List.of("/login", "/.well-known/appspecific/com.chrome.devtools.json", "/api/documents")) {
            var session = new MockHttpSession();
            mvc.perform(get(first).session(session));
            mvc.perform(post("/signin")
                            .session(session)
                            .param("username", Role.RESEARCHER.label() + "-user")
                            .param("password", TestUsers.PASSWORD)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void theApiDocumentationIsTitledAndListsEveryDoor() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as(Role.EDUCATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Pathwise API"))
                .andExpect(jsonPath("$.paths['/api/ask']").exists())
                .andExpect(jsonPath("$.paths['/v1/chat/completions']").exists());
    }

    @Test
    void aTokenCannotCreateAnotherToken() throws Exception {
        var bearer = "Bearer " + token(as(Role.EDUCATOR));

        mvc.perform(post("/api/tokens")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"longer\",\"days\":366}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Sign in with your password to create a token"));
        mvc.perform(post("/account/tokens")
                        .header("Authorization", bearer)
                        .param("name", "longer")
                        .param("days", "366"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/tokens").with(as(Role.EDUCATOR))).andExpect(status().isCreated());
    }

    @Test
    void aNewPasswordEndsTheUsersOtherSessionsAndRevokesTheirTokens() throws Exception {
        users.create("changing.teacher", PASSWORD, Role.EDUCATOR);
        var bearer = "Bearer " + token(httpBasic("changing.teacher", PASSWORD));
        var here = signIn("changing.teacher", PASSWORD);
        var elsewhere = signIn("changing.teacher", PASSWORD);
        mvc.perform(get("/api/tokens").session(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/account/password")
                        .session(here)
                        .param("current", PASSWORD)
                        .param("password", "a brand new password")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("API tokens revoked (1)")));

        mvc.perform(get("/api/tokens").session(here)).andExpect(status().isOk());
        mvc.perform(get("/api/tokens").session(elsewhere)).andExpect(status().isUnauthorized());
        mvc.perform(get("/account").session(signIn("changing.teacher", "a brand new password")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void administratorsDisableEnableAndRevokeTokensFromTheUsersPage() throws Exception {
        users.create("page.teacher", PASSWORD, Role.EDUCATOR);
        var basic = httpBasic("page.teacher", PASSWORD);
        var bearer = "Bearer " + token(basic);

        mvc.perform(post("/admin/users/page.teacher/disable").with(csrf()).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("The user page.teacher is disabled")));
        assertThat(users.find("page.teacher").orElseThrow().enabled()).isFalse();
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isUnauthorized());

        mvc.perform(post("/admin/users/page.teacher/enable").with(csrf()).with(as(Role.ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isOk());
        mvc.perform(post("/admin/users/page.teacher/tokens/revoke").with(csrf()).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("API tokens of page.teacher revoked: 1.")));
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isUnauthorized());

        mvc.perform(post("/admin/users/admin-user/disable").with(csrf()).with(as(Role.ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot disable your own account")));
        assertThat(users.find("admin-user").orElseThrow().enabled()).isTrue();
        // a signed-in administrator's form needs its CSRF token
        mvc.perform(post("/admin/users/page.teacher/disable").session(signIn("admin-user", PASSWORD)))
                .andExpect(status().isForbidden());
        assertThat(users.find("page.teacher").orElseThrow().enabled()).isTrue();

        mvc.perform(post("/admin/users/page.teacher/role")
                        .param("role", "RESEARCHER")
                        .with(csrf())
                        .with(as(Role.ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("page.teacher is now researcher")));
        assertThat(users.find("page.teacher").orElseThrow().role()).isEqualTo(Role.RESEARCHER);
        mvc.perform(post("/admin/users/admin-user/role")
                        .param("role", "EDUCATOR")
                        .with(csrf())
                        .with(as(Role.ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("your own administrator role")));
        var reset = mvc.perform(post("/admin/users/page.teacher/password-reset")
                        .with(csrf())
                        .with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var generated = org.jsoup.Jsoup.parse(reset)
                .getElementById("generated-password")
                .text();
        mvc.perform(get("/api/documents").with(httpBasic("page.teacher", generated)))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/users/page.teacher/delete").with(csrf()).with(as(Role.ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("page.teacher has been deleted")));
        assertThat(users.find("page.teacher")).isEmpty();
        mvc.perform(post("/admin/users/admin-user/delete").with(csrf()).with(as(Role.ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot delete your own account")));
    }

    @Test
    void aDisabledUsersSessionsAndTokensStopAtOnceUntilEnabled() throws Exception {
        users.create("leaving.teacher", PASSWORD, Role.EDUCATOR);
        var basic = httpBasic("leaving.teacher", PASSWORD);
        var bearer = "Bearer " + token(basic);
        var session = signIn("leaving.teacher", PASSWORD);

        mvc.perform(post("/api/users/leaving.teacher/disable").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/documents").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/documents").with(basic)).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/users/leaving.teacher/enable").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(get("/api/documents").with(basic)).andExpect(status().isOk());
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isOk());

        mvc.perform(delete("/api/users/leaving.teacher/tokens").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(1));
        mvc.perform(get("/api/documents").header("Authorization", bearer)).andExpect(status().isUnauthorized());
    }

    @Test
    void administratorsChangeRolesResetPasswordsAndDeleteUsersKeepingTheAuditChainVerifiable() throws Exception {
        users.create("moving.teacher", PASSWORD, Role.EDUCATOR);
        var basic = httpBasic("moving.teacher", PASSWORD);
        var session = signIn("moving.teacher", PASSWORD);

        mvc.perform(patch("/api/users/moving.teacher")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"researcher\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("RESEARCHER"));
        // no session keeps the old role; the password carries the new one at once
        mvc.perform(get("/api/documents").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/audit/verify").with(basic)).andExpect(status().isOk());
        forbidden(post("/api/ask")
                .with(basic)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\":\"What is a rubric?\"}"));

        mvc.perform(patch("/api/users/moving.teacher")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/documents").with(basic)).andExpect(status().isUnauthorized());
        mvc.perform(patch("/api/users/moving.teacher")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"role\":\"educator\"}"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.role").value("EDUCATOR"));

        var reset = json.readTree(
                mvc.perform(post("/api/users/moving.teacher/password-reset").with(as(Role.ADMIN)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        var generated = reset.get("password").asString();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(Users.MIN_PASSWORD_LENGTH);
        mvc.perform(get("/api/documents").with(basic)).andExpect(status().isUnauthorized());
        var renewed = httpBasic("moving.teacher", generated);
        mvc.perform(post("/api/ask")
                        .with(renewed)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"What is a rubric?\"}"))
                .andExpect(status().isOk());
        assertThat(recordsOf("moving.teacher")).isEqualTo(1);

        mvc.perform(delete("/api/users/moving.teacher").with(as(Role.ADMIN))).andExpect(status().isNoContent());
        assertThat(users.find("moving.teacher")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation WHERE username = 'moving.teacher'")
                        .query(Long.class)
                        .single())
                .isZero();
        // the record is erased as the user's own deletion erases it, and the chain still verifies
        assertThat(recordsOf("moving.teacher")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE kind = 'erasure'")
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(get("/api/audit/verify").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(get("/api/documents").with(renewed)).andExpect(status().isUnauthorized());
    }

    private long recordsOf(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void administratorsCannotDemoteDisableOrDeleteThemselvesAndBadChangesSayWhy() throws Exception {
        for (var change : java.util.List.of("{\"enabled\":false}", "{\"role\":\"educator\"}")) {
            mvc.perform(patch("/api/users/admin-user")
                            .with(as(Role.ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(change))
                    .andExpect(status().isConflict());
        }
        mvc.perform(delete("/api/users/admin-user").with(as(Role.ADMIN))).andExpect(status().isConflict());
        mvc.perform(delete("/api/users/nobody.here").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(post("/api/users/nobody.here/password-reset").with(as(Role.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(patch("/api/users/educator-user")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(patch("/api/users/educator-user")
                        .with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"wizard\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("wizard")));
        forbidden(delete("/api/users/educator-user").with(as(Role.EDUCATOR)));
        assertThat(users.find("educator-user")).isPresent();
    }

    @Test
    void administratorsCannotDisableThemselvesOrUnknownUsers() throws Exception {
        mvc.perform(post("/api/users/admin-user/disable").with(as(Role.ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/users/nobody.here/disable").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/users/nobody.here/tokens").with(as(Role.ADMIN)))
                .andExpect(status().isNotFound());
        forbidden(post("/api/users/admin-user/disable").with(as(Role.EDUCATOR)));
    }

    private static MockMultipartFile markdown(String name) {
        return new MockMultipartFile(
                "file", name, "text/markdown", "# T\n\nBody text.".getBytes(StandardCharsets.UTF_8));
    }
}
