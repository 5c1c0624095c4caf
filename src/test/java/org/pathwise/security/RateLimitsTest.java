package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "GET|/api/search|SEARCH",
                "GET|/library/search|SEARCH",
                "POST|/api/ask|ASK",
                "POST|/api/ask/stream|ASK",
                "GET|/api/ask/stream|none",
                "POST|/ask|ASK",
                "GET|/ask|none",
                "POST|/ask/feedback/abc|none",
                "POST|/ask/conversations/abc/delete|none",
                "POST|/api/interactions/abc/feedback|none",
                "DELETE|/api/conversations/abc|none",
                "POST|/api/ingest|INGEST",
                "POST|/api/documents|INGEST",
                "GET|/api/documents|none"
            })
    void countsOnlySearchingAskingAndIngesting(String method, String pattern, RateLimits.Kind kind) {
        assertThat(RateLimits.kindOf(method, pattern)).isEqualTo(kind);
    }
}
