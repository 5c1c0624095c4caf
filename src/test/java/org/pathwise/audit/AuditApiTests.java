package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pathwise.security.Role;
import org.pathwise.security.TestUsers;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log in the running application: answers recorded with their interactions, erasure through the
 * conversation API, the records API with its roles, annotations, the export and the pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditApiTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-audit");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "bootstrap password 1");
        registry.add(
                "pathwise.evaluation.report-dir",
                () -> DATA_DIR.resolve("reports").toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void createUsers() {
        TestUsers.ensureOnePerRole(users);
        for (var name : new String[] {"second-educator", "second-researcher"}) {
            if (users.find(name).isEmpty()) {
                users.create(name, TestUsers.PASSWORD, name.endsWith("educator") ? Role.EDUCATOR : Role.RESEARCHER);
            }
        }
    }

    private static RequestPostProcessor as(Role role) {
        return TestUsers.as(role);
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, TestUsers.PASSWORD);
    }

    private JsonNode read(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private JsonNode ask(RequestPostProcessor user, String question) throws Exception {
        return read(mvc.perform(post("/api/ask")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("question", question))))
                .andExpect(status().isOk()));
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String recordOf(String interaction) {
        return jdbc.sql("SELECT id FROM audit_record WHERE kind = 'interaction' AND interaction_id = ?")
                .param(interaction)
                .query(String.class)
                .single();
    }

    @Test
    void everyAnswerIsRecordedWithItsInteractionAndAnEducatorSeesOnlyTheirOwn() throws Exception {
        var mine = ask(as(Role.EDUCATOR), "How should I caption lecture videos for deaf students?");
        var theirs = ask(as("second-educator"), "Which licence lets others adapt my slides?");
        assertThat(count("SELECT COUNT(*) FROM interaction i WHERE NOT EXISTS (SELECT 1 FROM audit_record r"
                        + " WHERE r.kind = 'interaction' AND r.interaction_id = i.id)"))
                .as("interactions without their audit record")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM interaction")).isPositive();

        var own = read(
                mvc.perform(get("/api/audit/records").with(as(Role.EDUCATOR))).andExpect(status().isOk()));
        var ownInteractions = own.get("records").findValuesAsString("interaction");
        assertThat(ownInteractions).contains(mine.get("interaction").asString());
        assertThat(ownInteractions).doesNotContain(theirs.get("interaction").asString());

        var all = read(mvc.perform(get("/api/audit/records?limit=500").with(as(Role.RESEARCHER)))
                .andExpect(status().isOk()));
        assertThat(all.get("records").findValuesAsString("interaction"))
                .contains(
                        mine.get("interaction").asString(),
                        theirs.get("interaction").asString());

        var theirRecord = recordOf(theirs.get("interaction").asString());
        mvc.perform(get("/api/audit/records/" + theirRecord).with(as(Role.EDUCATOR)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        var trace = read(mvc.perform(get("/api/audit/records/" + theirRecord).with(as(Role.RESEARCHER)))
                .andExpect(status().isOk()));
        assertThat(trace.get("record").get("question").asString())
                .isEqualTo("Which licence lets others adapt my slides?");
        assertThat(trace.get("answer").asString())
                .isEqualTo(theirs.get("answer").asString());
        assertThat(trace.get("trace").get("stage_millis").has("retrieval")).isTrue();
        assertThat(trace.get("trace").get("policy_version").asString()).isNotEmpty();
        assertThat(trace.toString()).doesNotContain("second-educator");
    }

    @Test
    void ratingsAreRecordedAndFilterTheRecords() throws Exception {
        var answer = ask(as(Role.EDUCATOR), "What makes a good rubric for peer review?");
        var interaction = answer.get("interaction").asString();
        mvc.perform(post("/api/interactions/" + interaction + "/feedback")
                        .with(as(Role.EDUCATOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":\"down\",\"comment\":\"too vague\"}"))
                .andExpect(status().isNoContent());

        var down =
                read(mvc.perform(get("/api/audit/records?rating=down&limit=500").with(as(Role.RESEARCHER)))
                        .andExpect(status().isOk()));
        assertThat(down.get("records").findValuesAsString("interaction")).contains(interaction);
        var up = read(mvc.perform(get("/api/audit/records?rating=up&limit=500").with(as(Role.RESEARCHER)))
                .andExpect(status().isOk()));
        assertThat(up.get("records").findValuesAsString("interaction")).doesNotContain(interaction);
        var trace = read(
                mvc.perform(get("/api/audit/records/" + recordOf(interaction)).with(as(Role.RESEARCHER))));
        assertThat(trace.get("ratings").get(0).get("comment").asString()).isEqualTo("too vague");
    }

    @Test
    void deletingAConversationErasesItsTextFromTheLogWhichStillVerifies() throws Exception {
        var answer = ask(as(Role.EDUCATOR), "My e-mail is ada@example.org: how do I write alt text?");
        var interaction = answer.get("interaction").asString();
        var record = recordOf(interaction);

        mvc.perform(delete("/api/conversations/" + answer.get("conversation").asString())
                        .with(as(Role.EDUCATOR)))
                .andExpect(status().isNoContent());

        var row = jdbc.sql("SELECT username, question, answer, pseudonym FROM audit_record WHERE id = ?")
                .param(record)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
        assertThat(row[0]).isNull();
        assertThat(row[1]).isNull();
        assertThat(row[2]).isNull();
        assertThat(row[3]).isEqualTo(log.pseudonym("educator-user"));
        assertThat(count("SELECT COUNT(*) FROM audit_record WHERE kind = 'erasure'"))
                .isPositive();
        var verified = read(
                mvc.perform(get("/api/audit/verify").with(as(Role.RESEARCHER))).andExpect(status().isOk()));
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        mvc.perform(get("/api/audit/verify").with(as(Role.EDUCATOR))).andExpect(status().isForbidden());
    }

    @Test
    void researchersAnnotateAndSeeTheirAgreementButNobodyChangesARecord() throws Exception {
        var answer = ask(as(Role.EDUCATOR), "How long should a microlearning video be?");
        var record = recordOf(answer.get("interaction").asString());
        var url = "/api/audit/records/" + record + "/annotations";

        mvc.perform(post(url)
                        .with(as(Role.RESEARCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"correct\"}"))
                .andExpect(status().isCreated());
        var two = read(mvc.perform(post(url)
                        .with(as("second-researcher"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"unsupported\",\"comment\":\"no source says so\"}"))
                .andExpect(status().isCreated()));
        assertThat(two.get("agreement").get("annotators").asInt()).isEqualTo(2);
        assertThat(two.get("agreement").get("agreement").asDouble()).isZero();

        var changed = read(mvc.perform(post(url)
                        .with(as("second-researcher"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"correct\"}"))
                .andExpect(status().isCreated()));
        assertThat(changed.get("agreement").get("agreement").asDouble()).isEqualTo(1.0);
        assertThat(changed.get("annotations")).hasSize(3);

        mvc.perform(post(url)
                        .with(as(Role.RESEARCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\"great\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        for (var role : new Role[] {Role.EDUCATOR, Role.ADMIN}) {
            mvc.perform(post(url)
                            .with(as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"label\":\"correct\"}"))
                    .andExpect(status().isForbidden());
        }

        var before = jdbc.sql("SELECT hash || COALESCE(question, '') FROM audit_record WHERE id = ?")
                .param(record)
                .query(String.class)
                .single();
        var recordUrl = "/api/audit/records/" + record;
        for (var role : Role.values()) {
            mvc.perform(put(recordUrl)
                            .with(as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isForbidden());
            mvc.perform(patch(recordUrl)
                            .with(as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isForbidden());
            mvc.perform(delete(recordUrl).with(as(role))).andExpect(status().isForbidden());
            mvc.perform(delete(url).with(as(role))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT hash || COALESCE(question, '') FROM audit_record WHERE id = ?")
                        .param(record)
                        .query(String.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void badFiltersAreProblems() throws Exception {
        for (var query : new String[] {"outcome=maybe", "from=yesterday", "topic=captions", "limit=0", "rating=5"}) {
            mvc.perform(get("/api/audit/records?" + query).with(as(Role.RESEARCHER)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/audit/export?format=xml").with(as(Role.RESEARCHER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theExportIsPseudonymisedAndRedactedAndForResearchersAndAdministrators() throws Exception {
        ask(as(Role.EDUCATOR), "Call me on +44 20 7946 0958 about assessment rubrics");
        var body = mvc.perform(get("/api/audit/export?format=jsonl").with(as(Role.RESEARCHER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/jsonl"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body.lines()).isNotEmpty();
        assertThat(body).contains("[phone]").doesNotContain("7946 0958", "educator-user");
        mvc.perform(get("/api/audit/export").with(as(Role.EDUCATOR))).andExpect(status().isForbidden());
        var csv = mvc.perform(
                        get("/api/audit/export?format=csv&outcome=abstained").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).startsWith("seq,id,kind,recorded_at,");
    }

    @Test
    void researchersBrowseAndAnnotateOnThePages() throws Exception {
        var answer = ask(as(Role.EDUCATOR), "How can I make slides readable for colour-blind students?");
        var record = recordOf(answer.get("interaction").asString());
        var list = mvc.perform(get("/audit").with(as(Role.RESEARCHER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("How can I make slides readable for colour-blind students?");
        // the filters offer the values the log holds, and keep the one chosen
        var filters = org.jsoup.Jsoup.parse(mvc.perform(
                                get("/audit?language=en&composer=extractive").with(as(Role.RESEARCHER)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .selectFirst("main form");
        assertThat(filters.select("input[type=text]")).isEmpty();
        assertThat(filters.select("select#language option").eachAttr("value")).contains("", "en");
        assertThat(filters.select("select#composer option[selected]").eachAttr("value"))
                .containsExactly("extractive");
        ask(as(Role.EDUCATOR), "What contrast ratio does WCAG require for normal text?");
        var newestFirst = mvc.perform(get("/audit").with(as(Role.RESEARCHER)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(newestFirst.indexOf("What contrast ratio does WCAG require"))
                .as("the page lists the newest record first")
                .isLessThan(newestFirst.indexOf("How can I make slides readable"));
        var newest = json.readTree(
                mvc.perform(get("/api/audit/records?order=newest&limit=1").with(as(Role.RESEARCHER)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(newest.get("records").get(0).get("question").asString()).startsWith("What contrast ratio");
        var older = json.readTree(mvc.perform(get("/api/audit/records?order=newest&limit=1&before="
                                + newest.get("next").asLong())
                        .with(as(Role.RESEARCHER)))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(older.get("records").get(0).get("seq").asLong())
                .isLessThan(newest.get("records").get(0).get("seq").asLong());
        mvc.perform(get("/api/audit/records?order=sideways").with(as(Role.RESEARCHER)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/audit/records/" + record).with(as(Role.ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/audit").with(as(Role.EDUCATOR))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/records/" + record + "/annotations")
                        .with(as(Role.RESEARCHER))
                        .with(csrf())
                        .param("label", "harmful")
                        .param("comment", "gives wrong advice"))
                .andExpect(status().is3xxRedirection());
        var page = mvc.perform(get("/audit/records/" + record).with(as(Role.RESEARCHER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("research" + "er-user: harmful — gives wrong advice");
    }

    @Test
    void theDashboardDrawsItsChartsOnTheServer() throws Exception {
        var answer = ask(as(Role.EDUCATOR), "Which colours should I avoid on slides?");
        var url = "/api/audit/records/" + recordOf(answer.get("interaction").asString()) + "/annotations";
        for (var researcher : new RequestPostProcessor[] {as(Role.RESEARCHER), as("second-researcher")}) {
            mvc.perform(post(url)
                            .with(researcher)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"label\":\"unsupported\"}"))
                    .andExpect(status().isCreated());
        }
        var figures = read(mvc.perform(get("/api/audit/dashboard").with(as(Role.RESEARCHER)))
                .andExpect(status().isOk()));
        assertThat(figures.get("interactions").asLong()).isPositive();
        assertThat(figures.get("perDay")).hasSize(30);
        long perDay = 0;
        for (var day : figures.get("perDay")) {
            perDay += day.get("value").asLong();
        }
        assertThat(perDay).isEqualTo(figures.get("interactions").asLong());
        assertThat(figures.get("latency").findValuesAsString("stage")).contains("retrieval");
        // the two researchers are this application's only annotators
        var agreement = figures.get("agreement");
        assertThat(agreement.get("method").asString()).isEqualTo("cohen");
        assertThat(agreement.get("records").asInt()).isPositive();
        assertThat(agreement.get("annotators").asInt()).isEqualTo(2);

        var page = mvc.perform(get("/audit/dashboard").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<svg", "<rect", "Answers per day").doesNotContain("<script>");
        // answers per day as one column a day, the busiest full height, with the figures folded under it
        var figure = org.jsoup.Jsoup.parse(page).selectFirst("figure.per-day");
        var columns = figure.select("rect");
        var days = figure.select(".per-day-figures tr");
        assertThat(columns).hasSameSizeAs(days).hasSizeGreaterThan(1);
        assertThat(columns.eachAttr("height")).contains("120.00");
        long busiest = days.stream()
                .mapToLong(row -> Long.parseLong(row.selectFirst("td").text()))
                .max()
                .orElseThrow();
        assertThat(busiest).isPositive();
        assertThat(figure.selectFirst("svg").attr("aria-label")).endsWith("the highest day had " + busiest);
        assertThat(page).contains("Annotator agreement", "records that both annotators labelled");
        mvc.perform(get("/audit/dashboard").with(as(Role.EDUCATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/dashboard?from=2026-02-01&to=2026-01-01").with(as(Role.RESEARCHER)))
                .andExpect(status().isBadRequest());
    }
}
