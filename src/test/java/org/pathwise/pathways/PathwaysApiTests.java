package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The learning-paths API and pages over HTTP on a fresh data directory with an empty library. */
@SpringBootTest
@AutoConfigureMockMvc
class PathwaysApiTests {

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("pathwise-pathways-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    @WithMockUser(username = "ana", roles = "EDUCATOR")
    void listsTheBundledFrameworksAndShowsDigCompEdu() throws Exception {
        var list = body(mvc.perform(get("/api/frameworks")).andExpect(status().isOk()));
        assertThat(list.get("frameworks").valueStream().map(f -> f.get("id").asString()))
                .contains("digcompedu", "unesco-ict-cft", "unesco-ai-cft");

        mvc.perform(get("/api/frameworks/digcompedu"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areas.length()").value(6))
                .andExpect(jsonPath("$.areas[5].competences[4].id").value("6.5"));
        mvc.perform(get("/api/frameworks/nope")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void anAdministratorImportsAFrameworkAndAMalformedOneIsA422WithTheLine() throws Exception {
        var yaml = "id: local-skills\nname: Local\nlevels: [basic, advanced]\nareas:\n  - id: \"1\"\n    name: A\n"
                + "    competences:\n      - id: l.1\n        title: One\n        levels: {basic: a, advanced: b}\n";

        mvc.perform(post("/api/frameworks")
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(yaml))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("local-skills"));
        mvc.perform(get("/api/frameworks/local-skills")).andExpect(status().isOk());

        var broken = yaml.replace("{basic: a, advanced: b}", "{basic: a}");
        mvc.perform(post("/api/frameworks")
                        .with(csrf())
                        .contentType("application/yaml")
                        .content(broken))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.line").value(10))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no descriptor")));
    }

    @Test
    @WithMockUser(username = "ana", roles = "EDUCATOR")
    void anEducatorMayNotImport() throws Exception {
        mvc.perform(post("/api/catalogue").with(csrf()).contentType("text/csv").content("id\n"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/cohorts").with(csrf()).contentType("text/csv").content("educator,target\n"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void importsACatalogueReportingBadRowsByNumber() throws Exception {
        var csv = "id,title,hours,languages,mode,raises\n"
                + "api-1,Imported course,3,en,online,2.1:B1\n"
                + "api-2,Broken course,three,en,online,2.1:B1\n";

        var report = body(mvc.perform(post("/api/catalogue")
                        .with(csrf())
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk()));

        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("not a number");
        var catalogue = body(mvc.perform(get("/api/catalogue")).andExpect(status().isOk()));
        assertThat(catalogue.get("sample").asBoolean()).isFalse();
        assertThat(catalogue.get("courses").valueStream().map(c -> c.get("id").asString()))
                .contains("api-1", "dr-101")
                .doesNotContain("api-2");

        mvc.perform(post("/api/catalogue?format=json")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"courses\": [\n  {\"id\": \"x\",,}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.line").value(2));
    }

    @Test
    @WithMockUser(username = "ben", roles = "EDUCATOR")
    void anEducatorSetsTheirProfileFromTheQuestionnaireAndPlansFromIt() throws Exception {
        mvc.perform(get("/api/profile")).andExpect(status().isNotFound());
        var profile = """
                {"answers": {"q4": 1, "q5": 2, "q6": 1}, "target": {"2.1": "B2"}, "hours_per_week": 3,
                 "languages": ["en"], "mode": "online"}
                """;

        mvc.perform(put("/api/profile")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profile))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current['2.1']").value("A2"))
                .andExpect(jsonPath("$.current['2.2']").value("B1"));
        mvc.perform(get("/api/profile"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("online"));

        var plan = body(mvc.perform(post("/api/plans").with(csrf())).andExpect(status().isOk()));

        assertThat(plan.get("steps").get(0).get("course").asString()).isEqualTo("dr-101");
        assertThat(plan.get("total_hours").asDouble()).isEqualTo(10);
        assertThat(plan.get("unreachable").size()).isZero();
        assertThat(plan.get("steps").get(0).get("documents").isArray()).isTrue();
    }

    @Test
    @WithMockUser(username = "cleo", roles = "EDUCATOR")
    void aPlanForAProfileWithAnUnknownCompetenceIsA422() throws Exception {
        mvc.perform(post("/api/plans")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"target\": {\"9.9\": \"B2\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown competence '9.9'")));
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void plansACohortAndExportsItsProgrammeAsCsv() throws Exception {
        var csv = "educator,current,target,hours_per_week,languages,mode\n"
                + "ana,2.1:A2,2.1:B2,4,en,online\n"
                + "ben,,2.1:B1;4.1:B1,3,en,any\n"
                + "bad,,7.7:B1,3,en,any\n";

        var cohort = body(mvc.perform(post("/api/cohorts")
                        .with(csrf())
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk()));

        assertThat(cohort.get("educators").asInt()).isEqualTo(2);
        assertThat(cohort.get("rejected").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(cohort.get("heatmap").get("2.1").get("B1").asInt()).isEqualTo(2);
        assertThat(cohort.get("programme").get(0).get("course").asString()).isEqualTo("dr-101");
        assertThat(cohort.get("programme").get(0).get("participants").asInt()).isEqualTo(2);
        assertThat(cohort.get("programme").get(0).get("attendees").findValuesAsString("educator"))
                .containsExactly("ana", "ben");
        assertThat(cohort.get("unreachable_educators").propertyNames()).isEmpty();

        mvc.perform(post("/api/cohorts/programme.csv")
                        .with(csrf())
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("order,course,title,participants")));
    }

    @Test
    @WithMockUser(username = "dina", roles = "EDUCATOR")
    void theQuestionnairePageSavesAProfileAndMyPathShowsTheExplainedTimeline() throws Exception {
        var page = mvc.perform(get("/pathways/questionnaire"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("name=\"answer-q4\"").contains("blended-learning-lead");

        mvc.perform(post("/pathways/questionnaire")
                        .with(csrf())
                        .param("answer-q4", "1")
                        .param("answer-q7", "2")
                        .param("target", "2.1:B2")
                        .param("hours_per_week", "4")
                        .param("languages", "en")
                        .param("mode", "online"))
                .andExpect(redirectedUrl("/pathways/path"));

        var path = mvc.perform(get("/pathways/path"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(path)
                .contains("class=\"timeline\"")
                .contains("Finding open educational resources")
                .contains("Judging quality and licences of open resources")
                .contains("raises 2.1 Selecting digital resources from A2 to B1 (target B2)");

        // where the educator stands: now, after this path, the target, and a bar over the six levels
        var row = org.jsoup.Jsoup.parse(path).selectFirst("table.standing tbody tr");
        assertThat(row.selectFirst("th").text()).isEqualTo("2.1 Selecting digital resources");
        var cells = row.select("td");
        assertThat(cells.get(0).text()).isEqualTo("A2 Explorer");
        assertThat(cells.get(1).text()).isEqualTo("B2 Expert");
        assertThat(cells.get(2).text()).isEqualTo("B2 Expert");
        assertThat(row.className()).isEqualTo("reached");
        assertThat(row.select(".scale .level").eachAttr("class"))
                .containsExactly(
                        "level now", "level now", "level plan", "level plan target", "level ahead", "level ahead");
    }

    @Test
    @WithMockUser(username = "ana", roles = "EDUCATOR")
    void theQuestionnaireApiKeepsItsShapeWithEnglishAndFrenchTextsAndAddsSpanishAndArabic() throws Exception {
        var questionnaire = body(mvc.perform(get("/api/questionnaire")).andExpect(status().isOk()));

        var item = questionnaire.get("items").get(0);
        assertThat(item.propertyNames()).containsExactly("id", "area", "competences", "en", "fr", "es", "ar");
        assertThat(item.get("en").asString())
                .isEqualTo("I choose digital channels on purpose to communicate with students and colleagues.");
        assertThat(item.get("fr").asString()).startsWith("Je choisis");
        assertThat(questionnaire.get("items").findValuesAsString("es"))
                .doesNotContainAnyElementsOf(questionnaire.get("items").findValuesAsString("en"));
        assertThat(questionnaire.get("items").findValuesAsString("ar"))
                .allSatisfy(text -> assertThat(text).containsPattern("\\p{IsArabic}"));
        var option = questionnaire.get("options").get(0);
        assertThat(option.propertyNames()).containsExactly("score", "en", "fr", "es", "ar");
        assertThat(option.get("score").asInt()).isZero();
    }

    @Test
    @WithMockUser(username = "eli", roles = "EDUCATOR")
    void theQuestionnairePageIsInTheBrowsersLanguage() throws Exception {
        var spanish = mvc.perform(get("/pathways/questionnaire").header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(spanish)
                .contains("Elijo de forma deliberada los canales digitales")
                .contains("Todavía no")
                // the framework's areas and the roles, named in Spanish too
                .contains("1. Compromiso profesional", "Tutor o tutora en línea")
                .doesNotContain("I choose digital channels on purpose", "Professional engagement", "Online tutor");

        var arabic = mvc.perform(get("/pathways/questionnaire").header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(arabic)
                .contains("dir=\"rtl\"")
                .contains("أختار القنوات الرقمية عن قصد")
                .contains("ليس بعد")
                .contains("1. المشاركة المهنية", "مرشد عبر الإنترنت")
                .doesNotContain("I choose digital channels on purpose", "Professional engagement");

        var english = mvc.perform(get("/pathways/questionnaire").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(english))
                .contains("1. Professional engagement", "6. Facilitating learners' digital competence", "Online tutor");
    }

    @Test
    @WithMockUser(username = "gil", roles = "EDUCATOR")
    void myPathLinksEachReadingToThePassageThatMatchedItsCourse() throws Exception {
        var markdown = """
                # Open educational resources in practice

                ## Repositories

                Search OER repositories for resources and judge each resource against the learning aim of the
                lesson before you adopt it.
                """;
        var upload = body(mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile(
                                "file",
                                "oer-in-practice.md",
                                "text/markdown",
                                markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("licence", "CC-BY-4.0")
                        .param("competencies", "2.1")
                        .with(user("root").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isCreated()));
        var id = upload.get("document").get("id").asString();
        var passage = body(mvc.perform(
                        get("/api/documents/" + id).with(user("root").roles("ADMIN"))))
                .get("passages")
                .valueStream()
                .filter(p -> p.get("text").asString().contains("Search OER repositories"))
                .findFirst()
                .orElseThrow();
        mvc.perform(post("/pathways/questionnaire")
                        .with(csrf())
                        .param("answer-q4", "1")
                        .param("target", "2.1:B1")
                        .param("hours_per_week", "4")
                        .param("languages", "en")
                        .param("mode", "online"))
                .andExpect(redirectedUrl("/pathways/path"));

        var page = mvc.perform(get("/pathways/path"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("class=\"readings\"")
                .contains("href=\"/library/documents/" + id + "#p"
                        + passage.get("ordinal").asInt() + "\"")
                .contains(">Open educational resources in practice</a>")
                .contains("· Repositories")
                .doesNotContain("/library?q=");
        var plan = body(mvc.perform(post("/api/plans").with(csrf())).andExpect(status().isOk()));
        var reading = plan.get("steps").get(0).get("documents").get(0);
        assertThat(reading.get("source").asString()).isEqualTo("oer-in-practice.md");
        assertThat(reading.get("document").asString()).isEqualTo(id);
        assertThat(reading.get("passage").asString())
                .isEqualTo(passage.get("id").asString());
        assertThat(reading.get("link").asString())
                .isEqualTo("/library/documents/" + id + "#p"
                        + passage.get("ordinal").asInt());
        assertThat(reading.has("title") && reading.has("heading") && reading.has("position"))
                .isTrue();
    }

    @Test
    @WithMockUser(username = "fay", roles = "EDUCATOR")
    void myPathExplainsTheStepsInTheBrowsersLanguageWhileTheApiKeepsEnglish() throws Exception {
        mvc.perform(post("/pathways/questionnaire")
                        .with(csrf())
                        .param("answer-q4", "1")
                        .param("target", "2.1:B2")
                        .param("hours_per_week", "4")
                        .param("languages", "en")
                        .param("mode", "online"))
                .andExpect(redirectedUrl("/pathways/path"));

        var spanish = mvc.perform(get("/pathways/path").header("Accept-Language", "es"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(spanish)
                .contains("eleva 2.1 Selección de recursos digitales de A2 a B1 (objetivo B2); además, da el nivel de"
                        + " entrada 2.1 B1 que necesita Judging quality and licences of open resources")
                // the competence's name in Spanish where the page names it, the course titles as the catalogue has them
                .contains("2.1 Selección de recursos digitales: A2 → B1")
                .contains("dr-101 · 4 h · en línea · en")
                .doesNotContain("raises 2.1", "last step", "chosen over");
        var standing = org.jsoup.Jsoup.parse(spanish).select("table.standing tbody tr td");
        assertThat(standing.get(0).text()).isEqualTo("A2 Explorador");
        assertThat(standing.get(2).text()).isEqualTo("B2 Experto");

        var arabic = mvc.perform(get("/pathways/path").header("Accept-Language", "ar"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(arabic)
                .contains("ترفع 2.1 اختيار الموارد الرقمية من A2 إلى B1 (الهدف B2)")
                .contains("الخطوة الأخيرة: لا يعتمد عليها شيء")
                .contains("dr-101 · 4 س · عبر الإنترنت · en")
                .doesNotContain("raises 2.1", "last step", "chosen over");
        assertThat(org.jsoup.Jsoup.parse(arabic)
                        .select("table.standing tbody tr td")
                        .getFirst()
                        .text())
                .isEqualTo("A2 مستكشف");

        var plan = body(mvc.perform(post("/api/plans").with(csrf()).header("Accept-Language", "ar"))
                .andExpect(status().isOk()));
        var first = plan.get("steps").get(0);
        assertThat(first.get("reason").asString())
                .isEqualTo("raises 2.1 Selecting digital resources from A2 to B1 (target B2); gives the entry level 2.1"
                        + " B1 that dr-201 needs");
        assertThat(plan.get("steps").get(1).get("before").asString()).isEqualTo("last step: nothing depends on it");
    }

    @Test
    @WithMockUser(username = "dina", roles = "EDUCATOR")
    void aBadTargetOnTheQuestionnaireIsShownNotSaved() throws Exception {
        var page = mvc.perform(post("/pathways/questionnaire")
                        .with(csrf())
                        .param("target", "2.1:Q9")
                        .param("hours_per_week", "4"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("unknown level").contains("role=\"alert\"");
    }

    @Test
    @WithMockUser(username = "ana", roles = "EDUCATOR")
    void anEducatorIsRefusedTheAdministrationPages() throws Exception {
        mvc.perform(get("/pathways/admin/catalogue")).andExpect(status().isForbidden());
        mvc.perform(get("/pathways/admin/cohorts")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void theCatalogueAndCohortPagesShowTheImportReportAndTheHeatmap() throws Exception {
        var file = new org.springframework.mock.web.MockMultipartFile(
                "file",
                "more.csv",
                "text/csv",
                "id,title,hours,languages,mode,raises\npage-1,Page course,2,en,online,6.1:B1\npage-2,No mode,2,en,,6.1:B1\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var catalogue = mvc.perform(
                        multipart("/pathways/admin/catalogue").file(file).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(catalogue)
                .contains("more.csv: 1 courses imported, 1 rows refused.")
                .contains("has no mode")
                // levels as people read them, not as maps
                .contains("6.1 → B1")
                .doesNotContain("{}", "=B1}");

        var cohort = new org.springframework.mock.web.MockMultipartFile(
                "file",
                "cohort.csv",
                "text/csv",
                "educator,current,target,languages\nana,2.1:A2,2.1:B2,en\nben,,2.1:B1,en\ndee,,2.1:B1,sw\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var heatmap = mvc.perform(
                        multipart("/pathways/admin/cohorts").file(cohort).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(heatmap)
                .contains("class=\"heatmap\"")
                .contains("class=\"heat-4\"")
                .contains("dr-101");
        // who takes each course and when, and the targets no path reaches (no course is given in Swahili)
        var page = org.jsoup.Jsoup.parse(heatmap);
        assertThat(page.select(".attendees").first().select("li").eachText())
                .containsExactly("ana, week 1", "ben, week 1");
        assertThat(page.select("table.unreachable tbody tr").eachText())
                .containsExactly("2.1 Selecting digital resources 1: dee");
    }

    @Test
    @WithMockUser(username = "root", roles = "ADMIN")
    void aCourseWithoutTagsGetsSuggestionsThatAnAdministratorConfirms() throws Exception {
        var csv = "id,title,hours,languages,mode,description\n"
                + "untagged-1,Captions and transcripts for every video,2,en,online,"
                + "Make recorded lectures accessible to all students with captions and transcripts.\n";
        var report = body(mvc.perform(post("/api/catalogue")
                        .with(csrf())
                        .contentType("text/csv")
                        .content(csv))
                .andExpect(status().isOk()));
        assertThat(report.get("untagged").get(0).asString()).isEqualTo("untagged-1");

        var suggestions = body(mvc.perform(get("/api/catalogue/suggestions")).andExpect(status().isOk()));
        var course = suggestions
                .get("courses")
                .valueStream()
                .filter(c -> c.get("course").asString().equals("untagged-1"))
                .findFirst()
                .orElseThrow();
        assertThat(course.get("suggestions").size()).isEqualTo(3);
        assertThat(course.get("suggestions")
                        .valueStream()
                        .map(s -> s.get("competence").asString()))
                .contains("5.1");

        mvc.perform(post("/api/catalogue/untagged-1/tags")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"raises\": {\"5.1\": \"B1\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.raises['5.1']").value("B1"));
        var after = body(mvc.perform(get("/api/catalogue/suggestions")).andExpect(status().isOk()));
        assertThat(after.get("courses").valueStream().map(c -> c.get("course").asString()))
                .doesNotContain("untagged-1");
        mvc.perform(post("/api/catalogue/nope/tags")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"raises\": {\"5.1\": \"B1\"}}"))
                .andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = "rita", roles = "RESEARCHER")
    void aResearcherHasNoProfileNorPlanButReadsTheFrameworks() throws Exception {
        mvc.perform(get("/api/frameworks")).andExpect(status().isOk());
        mvc.perform(get("/api/profile")).andExpect(status().isForbidden());
        mvc.perform(post("/api/plans").with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/pathways/path")).andExpect(status().isForbidden());
    }

    @Test
    void anAnonymousCallerMustSignIn() throws Exception {
        mvc.perform(get("/api/frameworks")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/plans").with(csrf())).andExpect(status().isUnauthorized());
    }
}
