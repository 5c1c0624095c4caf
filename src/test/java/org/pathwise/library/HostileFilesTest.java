package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.util.unit.DataSize;

/**
 * Hostile files: each kind of bad file is put in a folder between two good files and the folder is ingested. Every
 * kind must either be indexed with its text, or fail alone with a specific reason; the good files beside it are
 * always indexed. The case names give the tally: the kind, then its expected outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest {

    private static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    static Path data;

    private PassageIndex index;
    private Library library;
    private final AtomicInteger folders = new AtomicInteger();

    @BeforeAll
    void open() {
        index = PassageIndex.lucene(data.resolve("index"), FakeEmbeddingModel.embedder("fake"));
        var properties = TestLibraries.properties(DataSize.ofBytes(MAX_FILE_BYTES), 64);
        library = TestLibraries.library(index, TestLibraries.database(data), properties);
    }

    @AfterAll
    void close() {
        index.close();
    }

    /** What one kind of file must come to. */
    sealed interface Outcome {
        /** Indexed, its passages holding this text (or any text, when blank). */
        record Indexed(String text) implements Outcome {}

        /** Failed alone, its reason holding this text. */
        record Failed(String reason) implements Outcome {}
    }

    @FunctionalInterface
    interface Writer {
        void write(Path folder) throws Exception;
    }

    /** One kind of hostile file: how to write it, the source it gets, and what must happen to it. */
    record Kind(Writer writer, String source, Outcome outcome) {}

    private static Named<Kind> indexed(String name, String source, String text, Writer writer) {
        return Named.of(name + " → indexed", new Kind(writer, source, new Outcome.Indexed(text)));
    }

    private static Named<Kind> failed(String name, String source, String reason, Writer writer) {
        return Named.of(name + " → fails: " + reason, new Kind(writer, source, new Outcome.Failed(reason)));
    }

    private static Writer bytes(String name, byte[] content) {
        return folder -> {
            var file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        };
    }

    private static Writer text(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Writer text(String name, String content, Charset charset) {
        return bytes(name, content.getBytes(charset));
    }

    private static Writer both(Writer first, Writer second) {
        return folder -> {
            first.write(folder);
            second.write(folder);
        };
    }

    private static byte[] random(long seed, int length) {
        var bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bom(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] half(byte[] content) {
        return Arrays.copyOf(content, content.length / 2);
    }

    private static byte[] zip(String entry, String content) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A DOCX whose small file expands to some 30 million characters of text. */
    private static byte[] zipBombDocx() {
        var out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(Fixtures.docx("H", "T.", "S", "M.")));
                var zip = new ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    var xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int body = xml.indexOf("<w:body>") + "<w:body>".length();
                    zip.write(xml.substring(0, body).getBytes(StandardCharsets.UTF_8));
                    var paragraph = ("<w:p><w:r><w:t>" + "a".repeat(10_000) + "</w:t></w:r></w:p>")
                            .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 3_000; i++) {
                        zip.write(paragraph);
                    }
                    zip.write(xml.substring(body).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static String yamlBomb() {
        var yaml =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            yaml.append(String.join(",", java.util.Collections.nCopies(9, "*" + previous)));
            yaml.append("]\n");
            previous = c;
        }
        return yaml.append("title: Bomb\n").toString();
    }

    private static String nestedList(int depth) {
        var list = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        return list.toString();
    }

    static Stream<Named<Kind>> kinds() {
        var kinds = new ArrayList<Named<Kind>>();
        // empty and nearly empty
        for (var extension : List.of("md", "txt", "html", "pdf", "docx", "pptx")) {
            kinds.add(failed(
                    "zero-byte ." + extension,
                    "empty." + extension,
                    "is empty",
                    bytes("empty." + extension, new byte[0])));
        }
        kinds.add(
                failed("whitespace only", "blank.txt", "has no extractable text", text("blank.txt", " \n\t\n  \r\n")));
        kinds.add(failed(
                "byte order mark only", "bom.md", "has no extractable text", bytes("bom.md", bom(0xEF, 0xBB, 0xBF))));
        kinds.add(failed(
                "Markdown with only an image",
                "image.md",
                "has no extractable text",
                text("image.md", "![alt](x.png)\n")));
        // random bytes under every supported extension
        for (var extension : List.of("md", "markdown", "html", "htm", "txt")) {
            kinds.add(failed(
                    "random bytes ." + extension,
                    "noise." + extension,
                    "looks like a binary file",
                    bytes("noise." + extension, random(extension.hashCode(), 4096))));
        }
        kinds.add(failed("random bytes .pdf", "noise.pdf", "is not a valid PDF", bytes("noise.pdf", random(1, 4096))));
        kinds.add(failed(
                "random bytes .docx",
                "noise.docx",
                "is not a valid DOCX (a zip archive); the content looks like application/octet-stream",
                bytes("noise.docx", random(2, 4096))));
        kinds.add(failed(
                "random bytes .pptx", "noise.pptx", "is not a valid PPTX", bytes("noise.pptx", random(3, 4096))));
        kinds.add(failed(
                "NUL bytes in text",
                "nul.md",
                "looks like a binary file",
                text("nul.md", "# Title\n\nText\0with\0NULs.")));
        kinds.add(failed(
                "control characters above 5%",
                "controls.txt",
                "control characters",
                text("controls.txt", "ab\u0001\u0002\u0003cd\u0004\u0005\u0006ef\u0007\u0008gh".repeat(50))));
        // truncated and disguised containers
        kinds.add(failed(
                "truncated PDF",
                "cut.pdf",
                "cut.pdf",
                bytes("cut.pdf", half(Fixtures.pdf("Page one text", "Page two")))));
        kinds.add(failed(
                "truncated DOCX",
                "cut.docx",
                "cut.docx",
                bytes("cut.docx", half(Fixtures.docx("A", "B.", "C", "D.")))));
        kinds.add(failed(
                "truncated PPTX", "cut.pptx", "cut.pptx", bytes("cut.pptx", half(Fixtures.pptx("A", "B", "C", "D")))));
        kinds.add(failed(
                "zip bomb DOCX", "bomb.docx", "expands to far more than its size", bytes("bomb.docx", zipBombDocx())));
        kinds.add(failed(
                "plain zip named .docx",
                "plain.docx",
                "is not a valid DOCX",
                bytes("plain.docx", zip("a.txt", "hello"))));
        kinds.add(failed(
                "DOCX named .pptx",
                "doc.pptx",
                "is not a valid PPTX",
                bytes("doc.pptx", Fixtures.docx("A", "B.", "C", "D."))));
        kinds.add(failed(
                "PPTX named .pdf",
                "deck.pdf",
                "is not a valid PDF",
                bytes("deck.pdf", Fixtures.pptx("A", "B", "C", "D"))));
        kinds.add(failed(
                "PDF named .docx", "paper.docx", "is not a valid DOCX", bytes("paper.docx", Fixtures.pdf("Text"))));
        kinds.add(failed(
                "PDF named .md",
                "paper.md",
                "is named as Markdown but its content looks like application/pdf",
                bytes("paper.md", Fixtures.pdf("Text"))));
        kinds.add(failed(
                "PDF named .html",
                "paper.html",
                "content looks like application/pdf",
                bytes("paper.html", Fixtures.pdf("Text"))));
        kinds.add(failed(
                "DOCX named .txt",
                "doc.txt",
                "is named as plain text",
                bytes("doc.txt", Fixtures.docx("A", "B.", "C", "D."))));
        kinds.add(failed("zip named .md", "archive.md", "application/zip", bytes("archive.md", zip("a.txt", "hello"))));
        kinds.add(failed(
                "PNG named .html",
                "picture.html",
                "image/png",
                bytes("picture.html", concat(bom(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), random(4, 512)))));
        kinds.add(failed(
                "GIF named .md",
                "anim.md",
                "image/gif",
                bytes("anim.md", concat("GIF89a".getBytes(StandardCharsets.US_ASCII), random(5, 512)))));
        kinds.add(failed(
                "gzip named .txt",
                "data.txt",
                "gzip",
                bytes("data.txt", concat(bom(0x1F, 0x8B, 0x08, 0), random(6, 512)))));
        kinds.add(failed(
                "ELF program named .md",
                "tool.md",
                "is named as Markdown",
                bytes("tool.md", concat(bom(0x7F, 'E', 'L', 'F', 2, 1, 1, 0), random(7, 2048)))));
        kinds.add(failed(
                "encrypted PDF",
                "locked.pdf",
                "is encrypted or password-protected",
                bytes("locked.pdf", Fixtures.encryptedPdf("Secret"))));
        kinds.add(failed(
                "PDF without text", "scan.pdf", "has no extractable text", bytes("scan.pdf", Fixtures.blankPdf())));
        // nesting
        kinds.add(indexed(
                "HTML text only in a div",
                "div.html",
                "Only in a div",
                text("div.html", "<html><body><div>Only in a div.</div></body></html>")));
        kinds.add(indexed(
                "HTML nested 50,000 divs deep",
                "divs.html",
                "buried",
                text("divs.html", "<div>".repeat(50_000) + "buried text")));
        kinds.add(indexed(
                "HTML lists nested 5,000 deep",
                "lists.html",
                "innermost",
                text("lists.html", "<ul><li>".repeat(5_000) + "innermost")));
        kinds.add(failed(
                "Markdown quotes nested 50,000 deep",
                "quotes.md",
                "levels deep (a list and its item count as two), over the limit of 200",
                text("quotes.md", ">".repeat(50_000) + " deep")));
        kinds.add(failed(
                "Markdown lists nested 300 deep",
                "lists.md",
                "levels deep (a list and its item count as two), over the limit of 200",
                text("lists.md", nestedList(300))));
        kinds.add(indexed("Markdown lists nested 50 deep", "fifty.md", "item 49", text("fifty.md", nestedList(50))));
        kinds.add(indexed(
                "Markdown with 20,000 open brackets",
                "brackets.md",
                "wombat",
                text("brackets.md", "[".repeat(20_000) + " wombat")));
        kinds.add(indexed(
                "Markdown with 20,000 emphasis markers",
                "stars.md",
                "wombat",
                text("stars.md", "*".repeat(10_000) + "wombat" + "_".repeat(10_000))));
        kinds.add(indexed(
                "Markdown paragraph with 10,000 nested spans",
                "spans.md",
                "wombat",
                text("spans.md", "Text " + "<span>".repeat(10_000) + "wombat")));
        kinds.add(indexed(
                "Markdown with 30,000 unclosed comments",
                "comments.md",
                "wombat",
                text("comments.md", "wombat lesson " + "<!-- ".repeat(30_000))));
        kinds.add(indexed(
                "Markdown with 30,000 unclosed processing instructions",
                "instructions.md",
                "wombat",
                text("instructions.md", "wombat lesson " + "<? ".repeat(30_000))));
        // encodings
        var french = "Évaluation formative — “retours” rapides et fréquents";
        kinds.add(indexed(
                "UTF-16LE with BOM",
                "utf16le-bom.md",
                french,
                bytes(
                        "utf16le-bom.md",
                        concat(bom(0xFF, 0xFE), ("# Titre\n\n" + french).getBytes(StandardCharsets.UTF_16LE)))));
        kinds.add(indexed(
                "UTF-16BE with BOM",
                "utf16be-bom.txt",
                french,
                text("utf16be-bom.txt", french, StandardCharsets.UTF_16)));
        kinds.add(indexed(
                "UTF-16LE without BOM", "utf16le.txt", french, text("utf16le.txt", french, StandardCharsets.UTF_16LE)));
        kinds.add(indexed(
                "UTF-16BE without BOM",
                "utf16be.html",
                french,
                text("utf16be.html", "<p>" + french + "</p>", StandardCharsets.UTF_16BE)));
        kinds.add(indexed(
                "UTF-32LE with BOM",
                "utf32le-bom.txt",
                french,
                bytes("utf32le-bom.txt", concat(bom(0xFF, 0xFE, 0, 0), french.getBytes(Charset.forName("UTF-32LE"))))));
        kinds.add(indexed(
                "UTF-32BE without BOM",
                "utf32be.txt",
                french,
                text("utf32be.txt", french, Charset.forName("UTF-32BE"))));
        kinds.add(indexed(
                "UTF-8 with BOM",
                "utf8-bom.html",
                french,
                bytes(
                        "utf8-bom.html",
                        concat(bom(0xEF, 0xBB, 0xBF), ("<p>" + french + "</p>").getBytes(StandardCharsets.UTF_8)))));
        kinds.add(indexed(
                "windows-1252 smart quotes and euro",
                "cp1252.txt",
                "“flipped” classroom costs €5",
                text(
                        "cp1252.txt",
                        "The “flipped” classroom costs €5 — isn’t that cheap?",
                        Charset.forName("windows-1252"))));
        var japanese = "これは日本語の文書です。教師のためのデジタル能力について説明します。";
        kinds.add(indexed(
                "Shift-JIS",
                "sjis.txt",
                japanese,
                text("sjis.txt", japanese + japanese, Charset.forName("Shift_JIS"))));
        kinds.add(indexed(
                "invalid UTF-8",
                "broken-utf8.md",
                "A rubric",
                bytes(
                        "broken-utf8.md",
                        concat(
                                "# Rubric\n\nA rubric ".getBytes(StandardCharsets.UTF_8),
                                bom(0xC3, 0x28, 0xFF),
                                " text.".getBytes(StandardCharsets.UTF_8)))));
        kinds.add(indexed(
                "mixed line endings",
                "endings.md",
                "Third line",
                text("endings.md", "# Endings\r\n\r\nFirst line\rSecond line\n\nThird line\r\n")));
        kinds.add(indexed(
                "a few control characters",
                "bell.txt",
                "Ring the bell",
                text("bell.txt", "Ring the bell\u0007 now\u001b[31m please, in a long enough sentence to be text.")));
        // size and shape
        kinds.add(indexed("one huge line", "line.txt", "wombat", text("line.txt", "wombat lesson ".repeat(40_000))));
        kinds.add(indexed(
                "an extremely long word", "word.md", "aaaa", text("word.md", "# Word\n\n" + "a".repeat(200_000))));
        kinds.add(indexed(
                "10,000 Markdown headings",
                "headings.md",
                "Heading 9999",
                text(
                        "headings.md",
                        java.util.stream.IntStream.range(0, 10_000)
                                .mapToObj(i -> "## Heading " + i + "\n\nText " + i + ".\n")
                                .collect(Collectors.joining("\n")))));
        kinds.add(indexed(
                "10,000 HTML headings",
                "headings.html",
                "Heading 9999",
                text(
                        "headings.html",
                        java.util.stream.IntStream.range(0, 10_000)
                                .mapToObj(i -> "<h2>Heading " + i + "</h2><p>Text.</p>")
                                .collect(Collectors.joining()))));
        kinds.add(failed(
                "over the size limit",
                "big.txt",
                "over the limit",
                bytes("big.txt", "a ".repeat(MAX_FILE_BYTES / 2 + 1).getBytes(StandardCharsets.US_ASCII))));
        kinds.add(indexed(
                "HTML title of 5,000 characters",
                "title.html",
                "Body text",
                text("title.html", "<title>" + "T".repeat(5_000) + "</title><p>Body text.</p>")));
        kinds.add(indexed(
                "HTML with 2,000 authors",
                "authors.html",
                "Body text",
                text("authors.html", "<meta name=author content='An Author'>".repeat(2_000) + "<p>Body text.</p>")));
        kinds.add(
                indexed(
                        "XML entity bomb in HTML",
                        "lol.html",
                        "Lesson",
                        text(
                                "lol.html",
                                "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><p>Lesson &lol2;</p>")));
        kinds.add(failed(
                "HTML with an invalid lang",
                "lang.html",
                "invalid language",
                text("lang.html", "<html lang='!!'><p>Text.</p></html>")));
        // metadata
        kinds.add(failed(
                "front matter of invalid YAML",
                "yaml.md",
                "invalid YAML in the front matter of yaml.md",
                text("yaml.md", "---\ntitle: [unclosed\n---\n# T\n\nText.")));
        kinds.add(failed(
                "front matter never closed",
                "open.md",
                "is never closed",
                text("open.md", "---\ntitle: T\n# T\n\nText.")));
        kinds.add(failed(
                "front matter that is a list",
                "list.md",
                "must be a YAML mapping",
                text("list.md", "---\n- a\n- b\n---\n# T\n\nText.")));
        kinds.add(failed(
                "front matter title that is a mapping",
                "map.md",
                "must be a single value",
                text("map.md", "---\ntitle: {a: b}\n---\n# T\n\nText.")));
        kinds.add(failed(
                "YAML bomb in front matter",
                "laughs.md",
                "invalid YAML in the front matter",
                text("laughs.md", "---\n" + yamlBomb() + "---\n# T\n\nText.")));
        kinds.add(failed(
                "YAML bomb in a sidecar",
                "side.md",
                "invalid YAML in the sidecar",
                both(text("side.md", "# T\n\nText."), text("side.md.meta.yaml", yamlBomb()))));
        kinds.add(failed(
                "sidecar of invalid YAML",
                "bad-side.md",
                "invalid YAML in the sidecar",
                both(text("bad-side.md", "# T\n\nText."), text("bad-side.md.meta.yaml", "title: [unclosed"))));
        kinds.add(failed(
                "sidecar of random bytes",
                "noise-side.md",
                "looks like a binary file",
                both(text("noise-side.md", "# T\n\nText."), bytes("noise-side.md.meta.yaml", random(8, 1024)))));
        kinds.add(indexed(
                "sidecar that is a folder",
                "folder-side.md",
                "Text",
                both(
                        text("folder-side.md", "# T\n\nText."),
                        folder -> Files.createDirectories(folder.resolve("folder-side.md.meta.yaml")))));
        kinds.add(failed(
                "unknown licence",
                "odd-licence.md",
                "unknown licence 'free-ish'",
                text("odd-licence.md", "---\nlicence: free-ish\n---\n# T\n\nText.")));
        kinds.add(failed(
                "invalid language",
                "language.md",
                "invalid language '12345'",
                text("language.md", "---\nlanguage: '12345'\n---\n# T\n\nText.")));
        kinds.add(failed(
                "javascript: source_url",
                "js.md",
                "is not an absolute http or https address",
                text("js.md", "---\nsource_url: \"javascript:alert(1)\"\n---\n# T\n\nText.")));
        kinds.add(failed(
                "data: source_url in a sidecar",
                "data.md",
                "is not an absolute http or https address",
                both(
                        text("data.md", "# T\n\nText."),
                        text("data.md.meta.yaml", "url: 'data:text/html,<script>alert(1)</script>'"))));
        kinds.add(failed(
                "front matter nested 10,000 deep",
                "nested-yaml.md",
                "invalid YAML in the front matter",
                text("nested-yaml.md", "---\ntitle: " + "[".repeat(10_000) + "\n---\n# T\n\nText.")));
        kinds.add(failed(
                "sidecar nested 10,000 deep",
                "nested-side.md",
                "invalid YAML in the sidecar",
                both(
                        text("nested-side.md", "# T\n\nText."),
                        text("nested-side.md.meta.yaml", "a: " + "{b: ".repeat(10_000)))));
        // names and the file system
        kinds.add(indexed(
                "file name with a newline",
                "new\nline.md",
                "Newline",
                text("new\nline.md", "# Newline\n\nNewline text.")));
        kinds.add(indexed(
                "file name with bidi overrides and emoji",
                "\u202Eevil\u202C-📚.md",
                "Bidi",
                text("\u202Eevil\u202C-📚.md", "# Bidi\n\nBidi text.")));
        kinds.add(indexed(
                "file name in decomposed Unicode",
                "cafe\u0301.md",
                "Cafe",
                text("cafe\u0301.md", "# Cafe\n\nCafe text.")));
        kinds.add(indexed("upper-case extension", "LOUD.MD", "Loud", text("LOUD.MD", "# Loud\n\nLoud text.")));
        kinds.add(indexed(
                "folder named like a file",
                "folder.md/inner.md",
                "Inner",
                text("folder.md/inner.md", "# Inner\n\nInner text.")));
        kinds.add(failed(
                "unsupported extension", "virus.exe", "an unsupported file type (.exe)", text("virus.exe", "MZ")));
        kinds.add(failed("no extension", "README", "a file without an extension", text("README", "Read me.")));
        kinds.add(failed(
                "dangling symlink",
                "dangling.md",
                "is a symbolic link to nothing",
                folder -> Files.createSymbolicLink(folder.resolve("dangling.md"), folder.resolve("missing.md"))));
        kinds.add(failed(
                "symlink escaping the folder", "escape.md", "points outside the folder being ingested", folder -> {
                    var outside = Files.createTempFile("pathwise-outside", ".md");
                    Files.writeString(outside, "# Secret\n\nSecret text.");
                    Files.createSymbolicLink(folder.resolve("escape.md"), outside);
                }));
        kinds.add(failed("symlink to a folder inside", "linked", "a symbolic link to a folder", folder -> {
            Files.createDirectories(folder.resolve("real"));
            Files.createSymbolicLink(folder.resolve("linked"), folder.resolve("real"));
        }));
        kinds.add(failed(
                "a named pipe",
                "pipe.md",
                "is not a regular file",
                folder -> new ProcessBuilder("mkfifo", folder.resolve("pipe.md").toString())
                        .start()
                        .waitFor()));
        Writer unreadable = text("locked.md", "# Locked\n\nLocked text.");
        Writer lock = folder -> {
            unreadable.write(folder);
            Files.setPosixFilePermissions(folder.resolve("locked.md"), PosixFilePermissions.fromString("---------"));
        };
        kinds.add(
                ROOT
                        ? indexed("unreadable permissions (run as root, who reads it)", "locked.md", "Locked", lock)
                        : failed("unreadable permissions", "locked.md", "permission denied", lock));
        return kinds.stream();
    }

    @Test
    void coversAtLeastSixtyKindsOfHostileFile() {
        assertThat(kinds().count()).isGreaterThanOrEqualTo(60);
        assertThat(kinds().map(Named::getName)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void isIndexedOrFailsAloneWithItsReasonAndLosesNothingElse(Kind kind) throws Exception {
        var folder = Files.createDirectories(data.resolve("folder-" + folders.incrementAndGet()));
        Files.writeString(folder.resolve("aaa-good.md"), "# Good\n\nA good lesson about numbats.");
        Files.writeString(folder.resolve("zzz-good.txt"), "Another good lesson about numbats.");
        kind.writer().write(folder);

        var report = library.ingest(folder, false, IngestListener.NONE);

        assertThat(report.indexed()).extracting(IngestResult::source).contains("aaa-good.md", "zzz-good.txt");
        var origin = folder.toAbsolutePath().normalize().toString();
        var id = Library.documentId(origin, kind.source());
        switch (kind.outcome()) {
            case Outcome.Indexed indexed -> {
                assertThat(report.failed()).as(kind.source()).isEmpty();
                assertThat(report.indexed()).extracting(IngestResult::source).contains(kind.source());
                var text = library.passages(id).stream().map(Passage::text).collect(Collectors.joining(" "));
                assertThat(text).contains(indexed.text());
            }
            case Outcome.Failed failed -> {
                assertThat(report.failed()).as(kind.source()).singleElement().satisfies(result -> {
                    assertThat(result.source()).isEqualTo(kind.source());
                    assertThat(result.failure().reason()).contains(failed.reason());
                });
                assertThat(report.indexed()).extracting(IngestResult::source).doesNotContain(kind.source());
                assertThat(library.document(id)).isEmpty();
                assertThat(library.passages(id)).isEmpty();
            }
        }
    }
}
