package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataYamlTest {

    @Test
    void readsEveryFieldUnderItsCommonSpellings() {
        var metadata = MetadataYaml.parse("""
                title: Rubrics that work
                author: Amina Diallo
                license: CC BY 4.0
                lang: fr_FR
                url: https://example.org/rubrics
                course_id: dc-201
                competences: [4.1, "4.3"]
                level: intermediate
                type: guide
                """, "test", 1);

        assertThat(metadata)
                .isEqualTo(new DocumentMetadata(
                        "Rubrics that work",
                        List.of("Amina Diallo"),
                        "CC-BY-4.0",
                        "fr-FR",
                        "https://example.org/rubrics",
                        "dc-201",
                        List.of("4.1", "4.3"),
                        "intermediate",
                        "guide"));
    }

    @Test
    void namesTheLineOfAYamlError() {
        assertThatThrownBy(() ->
                        MetadataYaml.parse("title: ok\nauthors: [unclosed\nlevel: x\n", "front matter of a.md", 2))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("front matter of a.md")
                .hasMessageContaining("line");
    }

    @Test
    void rejectsAnUnknownLicenceAndSaysWhatToUse() {
        assertThatThrownBy(() -> MetadataYaml.parse("licence: do what you like", "sidecar a.md.meta.yaml", 1))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("'do what you like'")
                .hasMessageContaining("SPDX")
                .extracting(e -> ((IngestException) e).failure().kind())
                .isEqualTo(IngestFailure.Kind.INVALID_METADATA);
    }

    @Test
    void rejectsAnInvalidLanguageTag() {
        assertThatThrownBy(() -> MetadataYaml.parse("language: english!", "test", 1))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("BCP 47");
    }

    @Test
    void treatsAnEmptyDocumentAsNoMetadata() {
        assertThat(MetadataYaml.parse("", "test", 1)).isEqualTo(DocumentMetadata.EMPTY);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(document.cookie)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
                "/relative/page",
                "http://",
                "not a url at all"
            })
    void rejectsASourceUrlThatIsNotAnAbsoluteHttpAddress(String url) {
        assertThatThrownBy(() -> MetadataYaml.parse("source_url: '" + url + "'", "sidecar a.md.meta.yaml", 1))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("is not an absolute http or https address")
                .hasMessageContaining("sidecar a.md.meta.yaml")
                .extracting(e -> ((IngestException) e).failure().kind())
                .isEqualTo(IngestFailure.Kind.INVALID_METADATA);
    }

    @Test
    void acceptsHttpAndHttpsSourceUrls() {
        assertThat(MetadataYaml.parse("source_url: https://oer.example/a?b=c#d", "x", 1)
                        .sourceUrl())
                .isEqualTo("https://oer.example/a?b=c#d");
        assertThat(MetadataYaml.parse("url: HTTP://oer.example/", "x", 1).sourceUrl())
                .isEqualTo("HTTP://oer.example/");
    }
}
