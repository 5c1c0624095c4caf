package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pathwise.security.TestUsers;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad requests sent over a socket to the real server, as an attacker or a broken client would send them: malformed and
 * oversized bodies (declared or chunked), wrong content types, undecodable parameters, malformed request lines and
 * headers, requests the rate limits must count however their path is spelled. Every one must get a 4xx RFC 9457
 * problem, never a 500, an HTML page or a timeout, and together they must leave nothing behind: no interaction, no
 * audit record, no document, no user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-hostile");
    private static final int LIMIT = 64 * 1024;
    private static final String JSON = "application/json";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.library.max-file-size", () -> "256KB");
        registry.add("pathwise.security.max-request-size", () -> LIMIT + "B");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "hostile admin password");
        registry.add("pathwise.security.rate-limits.search", () -> "30");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext application;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    private String token;
    private Map<String, Long> before;

    /** A request as bytes, and what the answer must be. */
    record Case(String name, byte[] request, int expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {}

    @BeforeAll
    void signIn() {
        TestUsers.ensureOnePerRole(users);
        token = TestUsers.token(application, "admin", "hostile requests");
        before = rows();
    }

    /** The rows of every table a request could write, by table. */
    private Map<String, Long> rows() {
        var counts = new LinkedHashMap<String, Long>();
        for (var table : List.of(
                "interaction",
                "conversation",
                "audit_record",
                "library_document",
                "app_user",
                "review_item",
                "eval_run_start",
                "guardrails_policy",
                "pathways_framework",
                "pathways_course",
                "pathways_profile")) {
            counts.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void answersEveryBadRequestWithAProblem(Case hostile) throws IOException {
        var answer = send(hostile.request());

        assertThat(answer.status()).as("%s: %s", hostile.name(), answer.body()).isEqualTo(hostile.expected());
        assertThat(answer.contentType()).as(hostile.name()).startsWith("application/problem+json");
        assertThat(answer.body()).as(hostile.name()).contains("\"title\"").contains("\"status\":" + hostile.expected());
    }

    @Test
    @Order(2)
    void countsARequestByTheEndpointItReachesHoweverItsPathIsSpelled() throws IOException {
        var spellings =
                List.of("/api/search", "/api/%73earch", "/api/sea%72ch", "/api/%73%65%61%72%63%68", "/%61pi/search");
        var other = "Bearer " + TestUsers.token(application, "educator-user", "spellings");
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 35; i++) {
            statuses.add(send(request("GET", spellings.get(i % spellings.size()) + "?q=rubric", null, null, other))
                    .status());
        }
        // thirty searches a minute, however spelled: the first thirty pass, then the bucket is empty
        assertThat(statuses.subList(0, 30)).containsOnly(200);
        assertThat(statuses.subList(30, 35)).contains(429);
    }

    @AfterAll
    void leftNothingBehind() {
        assertThat(rows()).isEqualTo(before);
    }

    Stream<Case> cases() {
        var cases = new ArrayList<Case>();
        var big = "x".repeat(LIMIT + 1);
        var deep = "[".repeat(20_000) + "]".repeat(20_000);
        // every endpoint that reads a JSON body
        Map<String, String> json = new LinkedHashMap<>();
        json.put("POST /api/ask", "{\"question\":\"What is colour contrast?\"}");
        json.put("POST /api/ask/stream", "{\"question\":\"What is colour contrast?\"}");
        json.put("POST /api/ingest", "{\"path\":\"/nowhere\"}");
        json.put("POST /api/users", "{\"username\":\"x\",\"password\":\"long enough password\",\"role\":\"EDUCATOR\"}");
        json.put("PUT /api/profile", "{}");
        json.put("POST /api/catalogue/none/tags", "{}");
        json.put("POST /api/interactions/none/feedback", "{\"rating\":\"up\"}");
        json.put("POST /api/review/none/close", "{}");
        json.put("POST /api/audit/runs", "{\"dataset\":\"sample-library\"}");
        for (var endpoint : json.keySet()) {
            var method = endpoint.substring(0, endpoint.indexOf(' '));
            var path = endpoint.substring(endpoint.indexOf(' ') + 1);
            cases.add(new Case(endpoint + " malformed JSON", request(method, path, JSON, "{\"question\":"), 400));
            cases.add(new Case(endpoint + " empty body", request(method, path, JSON, ""), 400));
            cases.add(new Case(endpoint + " nested 20,000 deep", request(method, path, JSON, deep), 400));
            cases.add(new Case(
                    endpoint + " invalid UTF-8", latin1Request(method, path, JSON, "{\"a\":\"\u00ff\u00fe\""), 400));
            cases.add(
                    new Case(endpoint + " as XML", request(method, path, "application/xml", json.get(endpoint)), 415));
            cases.add(new Case(
                    endpoint + " over the limit, declared",
                    request(method, path, JSON, "{\"question\":\"" + big + "\"}"),
                    413));
            cases.add(new Case(
                    endpoint + " over the limit, chunked",
                    chunked(method, path, JSON, "{\"question\":\"" + big + "\"}"),
                    413));
        }
        // bodies of other types
        cases.add(new Case(
                "question set over the limit, chunked",
                chunked("POST", "/api/audit/runs", "application/jsonl", big),
                413));
        cases.add(new Case(
                "policy over the limit, chunked", chunked("PUT", "/api/policy", "application/yaml", big), 413));
        cases.add(new Case(
                "framework over the limit, chunked", chunked("POST", "/api/frameworks", "application/yaml", big), 413));
        cases.add(new Case("cohort over the limit, chunked", chunked("POST", "/api/cohorts", "text/csv", big), 413));
        cases.add(
                new Case("catalogue over the limit, chunked", chunked("POST", "/api/catalogue", "text/csv", big), 413));
        cases.add(new Case(
                "upload over the limit, chunked",
                chunked(
                        "POST",
                        "/api/documents",
                        "multipart/form-data; boundary=b0",
                        "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.md\"\r\n\r\n"
                                + "y".repeat(300 * 1024) + "\r\n--b0--\r\n"),
                413));
        cases.add(new Case(
                "form over the limit, chunked",
                chunked("POST", "/api/ask", "application/x-www-form-urlencoded", "question=" + big),
                413));
        cases.add(new Case("policy, broken YAML", request("PUT", "/api/policy", "application/yaml", "a: [b"), 422));
        cases.add(
                new Case("framework, broken YAML", request("POST", "/api/frameworks", "application/yaml", "{{{"), 422));
        cases.add(new Case(
                "framework, YAML aliases expanding a billion times",
                request("POST", "/api/frameworks", "application/yaml", billionLaughs()),
                422));
        cases.add(new Case("cohort, unterminated quote", request("POST", "/api/cohorts", "text/csv", "a,b\n\"x"), 422));
        cases.add(new Case("catalogue, binary", request("POST", "/api/catalogue", "text/csv", "\u0000\u0001"), 422));
        cases.add(new Case(
                "question set, not JSON Lines", request("POST", "/api/audit/runs", "application/jsonl", "{oops"), 422));
        // values the endpoints refuse
        cases.add(new Case(
                "ask, a null in a filter",
                request(
                        "POST",
                        "/api/ask",
                        JSON,
                        "{\"question\":\"What is contrast?\",\"filters\":{\"language\":[null]}}"),
                400));
        cases.add(new Case(
                "ask, a filter that is not a list",
                request(
                        "POST",
                        "/api/ask",
                        JSON,
                        "{\"question\":\"What is contrast?\",\"filters\":{\"language\":\"en\"}}"),
                400));
        cases.add(new Case(
                "ask, an unknown filter",
                request(
                        "POST",
                        "/api/ask",
                        JSON,
                        "{\"question\":\"What is contrast?\",\"filters\":{\"colour\":[\"red\"]}}"),
                400));
        cases.add(new Case("ask, no question", request("POST", "/api/ask", JSON, "{\"question\":null}"), 400));
        cases.add(new Case("ask, blank question", request("POST", "/api/ask", JSON, "{\"question\":\"   \"}"), 400));
        cases.add(new Case(
                "ask, another user's conversation",
                request("POST", "/api/ask", JSON, "{\"question\":\"What is contrast?\",\"conversation\":\"nope\"}"),
                400));
        cases.add(new Case(
                "ask, 2,001 characters",
                request("POST", "/api/ask", JSON, "{\"question\":\"" + "a".repeat(2001) + "\"}"),
                400));
        cases.add(new Case("ask through GET", request("GET", "/api/ask/stream?question=hello", null, null), 405));
        cases.add(new Case(
                "feedback, unknown rating",
                request("POST", "/api/interactions/none/feedback", JSON, "{\"rating\":\"sideways\"}"),
                400));
        cases.add(new Case(
                "user, unknown role",
                request(
                        "POST",
                        "/api/users",
                        JSON,
                        "{\"username\":\"x\",\"password\":\"long enough password\",\"role\":\"GOD\"}"),
                400));
        cases.add(new Case("ingest, no path", request("POST", "/api/ingest", JSON, "{\"path\":null}"), 400));
        cases.add(new Case("search, no query", request("GET", "/api/search", null, null), 400));
        cases.add(new Case("search, k of 0", request("GET", "/api/search?q=a&k=0", null, null), 400));
        cases.add(new Case("search, k of 1001", request("GET", "/api/search?q=a&k=1001", null, null), 400));
        cases.add(new Case("search, k not a number", request("GET", "/api/search?q=a&k=ten", null, null), 400));
        cases.add(new Case("search, unknown mode", request("GET", "/api/search?q=a&mode=psychic", null, null), 400));
        cases.add(new Case("search, a lone %", request("GET", "/api/search?q=%", null, null), 400));
        cases.add(new Case("search, overlong UTF-8", request("GET", "/api/search?q=%c0%ae", null, null), 400));
        cases.add(new Case("search, invalid UTF-8", request("GET", "/api/search?q=%ff%fe", null, null), 400));
        cases.add(new Case("documents, negative offset", request("GET", "/api/documents?offset=-1", null, null), 400));
        cases.add(new Case("documents, limit of 0", request("GET", "/api/documents?limit=0", null, null), 400));
        cases.add(new Case("document, unknown id", request("GET", "/api/documents/none", null, null), 404));
        cases.add(new Case(
                "document, 5,000-character id", request("GET", "/api/documents/" + "a".repeat(5000), null, null), 404));
        cases.add(new Case(
                "conversations, limit of 501", request("GET", "/api/conversations?limit=501", null, null), 400));
        cases.add(new Case(
                "conversations, negative offset", request("GET", "/api/conversations?offset=-3", null, null), 400));
        cases.add(new Case("conversation, unknown id", request("GET", "/api/conversations/none", null, null), 404));
        cases.add(new Case(
                "dashboard, ten thousand years",
                request("GET", "/api/audit/dashboard?from=0001-01-01&to=9999-12-31", null, null),
                400));
        cases.add(new Case(
                "dashboard, six years",
                request("GET", "/api/audit/dashboard?from=2020-01-01&to=2026-01-01", null, null),
                400));
        cases.add(new Case(
                "dashboard, backwards",
                request("GET", "/api/audit/dashboard?from=2026-02-01&to=2026-01-01", null, null),
                400));
        cases.add(new Case(
                "dashboard, unreadable date", request("GET", "/api/audit/dashboard?from=yesterday", null, null), 400));
        cases.add(new Case("records, limit of -1", request("GET", "/api/audit/records?limit=-1", null, null), 400));
        cases.add(new Case(
                "records, limit of 10^8", request("GET", "/api/audit/records?limit=100000000", null, null), 400));
        cases.add(new Case("export, unknown format", request("GET", "/api/audit/export?format=xml", null, null), 400));
        cases.add(new Case("runs, limit of 0", request("GET", "/api/audit/runs?limit=0", null, null), 400));
        cases.add(new Case("run, unknown id", request("GET", "/api/audit/runs/none", null, null), 404));
        cases.add(new Case("review item, unknown id", request("GET", "/api/review/none", null, null), 404));
        cases.add(new Case("framework, unknown id", request("GET", "/api/frameworks/none", null, null), 404));
        cases.add(new Case("token, unknown id", request("DELETE", "/api/tokens/999999", null, null), 404));
        // a method no rule names is closed to everyone
        cases.add(new Case("search through DELETE", request("DELETE", "/api/search?q=a", null, null), 403));
        // credentials
        cases.add(new Case("a junk bearer token", request("GET", "/api/search?q=a", null, null, "Bearer junk"), 401));
        cases.add(new Case("an empty bearer token", request("GET", "/api/search?q=a", null, null, "Bearer "), 401));
        cases.add(new Case("no credentials", request("GET", "/api/search?q=a", null, null, ""), 401));
        cases.add(new Case(
                "Basic with a wrong password",
                request(
                        "GET",
                        "/api/search?q=a",
                        null,
                        null,
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))),
                401));
        // what the servlet container refuses before the application sees it
        cases.add(
                new Case("a pipe in the request line", raw("GET /api/search?q=a|b HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(new Case("a NUL in the path", raw("GET /api/search%00?q=a HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(
                new Case("an encoded slash", raw("GET /api/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n\r\n"), 400));
        cases.add(new Case("an encoded dot-dot", authorised("GET /api/%2e%2e/api/search?q=a HTTP/1.1"), 400));
        cases.add(new Case("TLS bytes on the plain port", raw("\u0016\u0003\u0001garbage\r\n\r\n"), 400));
        cases.add(new Case("a header without a colon", raw("GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"), 400));
        cases.add(new Case(
                "a negative Content-Length",
                raw(
                        "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n"),
                400));
        cases.add(new Case(
                "two Content-Lengths",
                raw("POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
                400));
        cases.add(new Case(
                "Content-Length and chunked together",
                authorised(
                        "POST /api/ask HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked",
                        "0\r\n\r\n"),
                400));
        cases.add(new Case(
                "an unknown transfer coding",
                raw("POST /api/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: rot13\r\n\r\n"),
                501));
        cases.add(new Case("HTTP/1.1 without Host", raw("GET /api/search?q=a HTTP/1.1\r\n\r\n"), 400));
        cases.add(new Case(
                "a 20 KB header", raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "z".repeat(20_000) + "\r\n\r\n"), 400));
        return cases.stream();
    }

    private static String billionLaughs() {
        var yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(p);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    private byte[] request(String method, String path, String type, String body) {
        return request(method, path, type, body, "Bearer " + token);
    }

    /** A request whose body's characters go out as single bytes (ISO-8859-1): a way to send bytes that are not UTF-8. */
    private byte[] latin1Request(String method, String path, String type, String body) {
        return withBody(head(method, path, type, "Bearer " + token), body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private byte[] request(String method, String path, String type, String body, String authorization) {
        var head = head(method, path, type, authorization);
        if (body == null) {
            return (head + "\r\n").getBytes(StandardCharsets.UTF_8);
        }
        return withBody(head, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withBody(String head, byte[] body) {
        return concat(head + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private byte[] chunked(String method, String path, String type, String body) {
        var out = new ByteArrayOutputStream();
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((head(method, path, type, "Bearer " + token) + "Transfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int start = 0; start < bytes.length; start += 8192) {
            int length = Math.min(8192, bytes.length - start);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, start, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private byte[] authorised(String requestLine) {
        return authorised(requestLine, "");
    }

    private byte[] authorised(String head, String body) {
        return raw(head + "\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n" + body);
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String head(String method, String path, String type, String authorization) {
        var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (!authorization.isEmpty()) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        return head.toString();
    }

    private static byte[] concat(String head, byte[] body) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Sends a request and reads the answer until the server closes the connection or ten seconds pass. */
    private Answer send(byte[] request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server answered and closed before reading everything: read its answer
            }
            var response = readAll(socket.getInputStream());
            var text = new String(response, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            var head = end < 0 ? text : text.substring(0, end);
            var lines = head.split("\r\n");
            int status = lines[0].startsWith("HTTP/1.1 ") ? Integer.parseInt(lines[0].substring(9, 12)) : -1;
            var type = "";
            for (var line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return new Answer(status, type, end < 0 ? "" : text.substring(end + 4));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer
        }
        return out.toByteArray();
    }
}
