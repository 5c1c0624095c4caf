package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathwise.security.Role;
import org.pathwise.security.TestUsers;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The interface language of the pages: from the browser's Accept-Language (English when it names none of the four),
 * or chosen with {@code ?lang=} and then kept in a cookie; Arabic pages are right to left.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InterfaceLanguageTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-languages");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "languages admin password");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @BeforeEach
    void createUsers() {
        TestUsers.ensureOnePerRole(users);
    }

    private MvcResult perform(RequestBuilder request) throws Exception {
        var result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result;
    }

    private Document page(RequestBuilder request) throws Exception {
        return Jsoup.parse(perform(request).getResponse().getContentAsString());
    }

    @Test
    void aSpanishBrowserGetsSpanishPagesWrittenLeftToRight() throws Exception {
        var page = page(get("/signin").header("Accept-Language", "es-ES,es;q=0.9,en;q=0.8"));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Iniciar sesión");
        assertThat(page.selectFirst("label[for=password]").text()).isEqualTo("Contraseña");
    }

    @Test
    void anArabicBrowserGetsArabicPagesWrittenRightToLeft() throws Exception {
        var html = perform(get("/signin").header("Accept-Language", "ar-EG,ar;q=0.9"))
                .getResponse()
                .getContentAsString();
        var page = Jsoup.parse(html);

        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(page.selectFirst("h1").text()).isEqualTo("تسجيل الدخول");
        assertThat(page.selectFirst("label[for=password]").text()).isEqualTo("كلمة المرور");
    }

    @Test
    void aSignedInEducatorSeesTheAskPageInArabic() throws Exception {
        var page = page(get("/ask").header("Accept-Language", "ar").with(TestUsers.as(Role.EDUCATOR)));

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("h1").text()).isEqualTo("اسأل المكتبة");
        assertThat(page.selectFirst("label[for=question]").text()).isEqualTo("سؤالك");
        assertThat(page.select(".nav a").eachText()).contains("المكتبة", "الحساب");
    }

    @Test
    void anAdministratorReadsThePolicysMessagesInThePagesLanguage() throws Exception {
        var spanish = page(get("/admin/policy").header("Accept-Language", "es").with(TestUsers.as(Role.ADMIN)));
        var english = page(get("/admin/policy").header("Accept-Language", "en").with(TestUsers.as(Role.ADMIN)));

        assertThat(spanish.select("#policy-rules td").eachText())
                .contains("Se eliminaron datos personales de la respuesta.");
        assertThat(english.select("#policy-rules td").eachText())
                .contains("Personal data was removed from the answer.");
    }

    @Test
    void aBrowserAskingForNoInterfaceLanguageGetsEnglish() throws Exception {
        var page = page(get("/signin").header("Accept-Language", "de-DE,de;q=0.9,it;q=0.5"));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.selectFirst("label[for=password]").text()).isEqualTo("Password");
    }

    @Test
    void theLanguageMenuNamesEachLanguageInItselfAndMarksTheCurrentOne() throws Exception {
        var page = page(get("/signin").header("Accept-Language", "fr"));

        var menu = page.selectFirst("nav.languages");
        assertThat(menu.attr("aria-label")).isEqualTo("Langue");
        assertThat(menu.select("a").eachText()).containsExactly("English", "Français", "Español", "العربية");
        assertThat(menu.select("a").eachAttr("href")).containsExactly("?lang=en", "?lang=fr", "?lang=es", "?lang=ar");
        assertThat(menu.select("a").eachAttr("lang")).containsExactly("en", "fr", "es", "ar");
        assertThat(menu.select("a[aria-current=true]").eachText()).containsExactly("Français");
    }

    @Test
    void aChosenLanguageOverridesTheBrowserAndIsRemembered() throws Exception {
        var chosen = perform(get("/signin").param("lang", "ar").header("Accept-Language", "es"));
        var cookie = chosen.getResponse().getCookie(ChosenLanguageResolver.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("ar");
        assertThat(cookie.getMaxAge()).isPositive();
        assertThat(Jsoup.parse(chosen.getResponse().getContentAsString())
                        .selectFirst("html")
                        .attr("dir"))
                .isEqualTo("rtl");

        var later = page(get("/signin").header("Accept-Language", "es").cookie(cookie));
        assertThat(later.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(later.selectFirst("label[for=password]").text()).isEqualTo("كلمة المرور");

        var forgotten = perform(
                get("/signin").param("lang", "").header("Accept-Language", "es").cookie(cookie));
        // an empty cookie: no choice, so the browser decides again
        assertThat(forgotten
                        .getResponse()
                        .getCookie(ChosenLanguageResolver.COOKIE)
                        .getValue())
                .isEmpty();
        assertThat(Jsoup.parse(forgotten.getResponse().getContentAsString())
                        .selectFirst("html")
                        .attr("lang"))
                .isEqualTo("es");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "xx-YY", "<script>", "zz_ZZ", "%", "en;q=1"})
    void anUnsupportedOrMalformedChoiceLeavesThePageInTheBrowsersLanguage(String lang) throws Exception {
        var result = perform(get("/signin").param("lang", lang).header("Accept-Language", "es"));

        assertThat(result.getResponse().getCookie(ChosenLanguageResolver.COOKIE))
                .isNull();
        var page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.selectFirst("label[for=password]").text()).isEqualTo("Contraseña");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "", "%%%", "x/y", "\"ar\""})
    void aCookieNamingNoInterfaceLanguageIsNoError(String value) throws Exception {
        var page = page(get("/signin")
                .header("Accept-Language", "es")
                .cookie(new Cookie(ChosenLanguageResolver.COOKIE, value)));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
    }
}
