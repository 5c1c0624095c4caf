package org.pathwise.library;

import com.ibm.icu.text.CharsetDetector;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decodes the bytes of a text file (Markdown, HTML, plain text) whatever its encoding. The strategy, first match wins:
 * a byte order mark (UTF-8, UTF-16, UTF-32); the pattern of zero bytes that ASCII text leaves in UTF-32 or UTF-16
 * without a mark; strict UTF-8; ICU's statistical {@link CharsetDetector} when it is confident of a charset that is not
 * a Latin-1 variant (Shift-JIS, GB18030, EUC-KR, windows-1251, ...); windows-1252 otherwise, so that bytes 0x80–0x9F
 * become the curly quotes, dashes and euro sign they stand for, never C1 controls. Text that still holds NUL bytes or
 * is more than {@value #MAX_CONTROL_PERCENT}% control characters is refused as binary; the remaining control
 * characters become spaces.
 */
final class TextDecoding {

    /** Above this share of control characters a file is binary data, not text. */
    static final int MAX_CONTROL_PERCENT = 5;

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    /** Charsets ICU reports for Western European text, which windows-1252 reads at least as well. */
    private static final Set<String> LATIN = Set.of("ISO-8859-1", "windows-1252", "ISO-8859-2", "ISO-8859-9");
    /** ICU's confidence (0–100) from which its guess is taken. */
    private static final int MIN_CONFIDENCE = 40;

    private static final int SAMPLE = 8192;

    private TextDecoding() {}

    /**
     * The text of a file's bytes.
     *
     * @param name the file name, for messages
     * @throws IngestException when the bytes are binary data rather than text
     */
    static String decode(byte[] content, String name) {
        var text = withoutBom(content).orElseGet(() -> detected(content));
        return clean(text, name);
    }

    /** The charset a byte order mark names, or the one detection settles on. */
    static Charset charsetOf(byte[] content) {
        var bom = bom(content);
        if (bom != null) {
            return bom;
        }
        var wide = wideWithoutBom(content);
        if (wide != null) {
            return wide;
        }
        if (isUtf8(content)) {
            return StandardCharsets.UTF_8;
        }
        var detector = new CharsetDetector();
        detector.setText(content.length > SAMPLE * 4 ? java.util.Arrays.copyOf(content, SAMPLE * 4) : content);
        for (var match : detector.detectAll()) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            if (LATIN.contains(match.getName())) {
                return CP1252;
            }
            if (Charset.isSupported(match.getName())) {
                return Charset.forName(match.getName());
            }
        }
        return CP1252;
    }

    private static java.util.Optional<String> withoutBom(byte[] content) {
        var bom = bom(content);
        if (bom == null) {
            return java.util.Optional.empty();
        }
        int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : bom.equals(UTF_32BE) || bom.equals(UTF_32LE) ? 4 : 2;
        return java.util.Optional.of(new String(content, skip, content.length - skip, bom));
    }

    private static String detected(byte[] content) {
        return new String(content, charsetOf(content));
    }

    private static Charset bom(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return UTF_32BE;
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (starts(b, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (starts(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * UTF-32 or UTF-16 without a byte order mark, recognised by where mostly-ASCII text puts its zero bytes: in
     * UTF-16LE every odd byte, in UTF-16BE every even one, in UTF-32 three bytes of four.
     */
    private static Charset wideWithoutBom(byte[] content) {
        int length = Math.min(content.length, SAMPLE) & ~3;
        if (length < 4) {
            return null;
        }
        var zeros = new int[4];
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                zeros[i % 4]++;
            }
        }
        int quarter = length / 4;
        if (content.length % 4 == 0) {
            if (zeros[1] > quarter * 0.9 && zeros[2] > quarter * 0.9 && zeros[3] > quarter * 0.9) {
                return UTF_32LE;
            }
            if (zeros[0] > quarter * 0.9 && zeros[1] > quarter * 0.9 && zeros[2] > quarter * 0.9) {
                return UTF_32BE;
            }
        }
        if (content.length % 2 != 0) {
            return null;
        }
        int even = zeros[0] + zeros[2];
        int odd = zeros[1] + zeros[3];
        int half = length / 2;
        if (odd > half * 0.6 && even < half * 0.1) {
            return StandardCharsets.UTF_16LE;
        }
        if (even > half * 0.6 && odd < half * 0.1) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String clean(String text, String name) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new IngestException(IngestFailure.Kind.UNREADABLE, name + " looks like a binary file, not text");
        }
        int controls = 0;
        var cleaned = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control =
                    (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD';
            if (control) {
                controls++;
                cleaned.append(' ');
            } else {
                cleaned.append(c);
            }
        }
        if (controls > 0 && controls * 100L > (long) text.length() * MAX_CONTROL_PERCENT) {
            throw new IngestException(
                    IngestFailure.Kind.UNREADABLE,
                    name + " looks like a binary file, not text (" + controls + " of its " + text.length()
                            + " characters are control characters)");
        }
        return cleaned.toString();
    }
}
