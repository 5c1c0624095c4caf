package org.pathwise.guardrails;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The forms a question can take to hide an instruction from {@link InjectionPatterns}, and the ways back to plain
 * text: accents and curly quotes, look-alike letters from other scripts, invisible characters, Unicode tag characters,
 * leetspeak, rot13 and base64.
 */
final class InjectionTexts {

    private InjectionTexts() {}

    /** Latin-1 and Latin Extended letters without their accents, one char for one char; 0 where none applies. */
    private static final char[] UNACCENTED = new char[0x250];

    /** Cyrillic and Greek letters that look like Latin ones (Unicode TR39 confusables, the common subset). */
    private static final String HOMOGLYPHS_FROM = "аеорсухіјѕԁһӏԛԝАВЕКМНОРСТХІЈЅУαοερτυχικνΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";

    private static final String HOMOGLYPHS_TO = "aeopcyxijsdhlqwABEKMHOPCTXIJSYaoeptuxikvABEZHIKMNOPTYX";

    static {
        for (char c = 0xC0; c < UNACCENTED.length; c++) {
            var decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (decomposed.length() > 1 && decomposed.charAt(0) < 0x80) {
                UNACCENTED[c] = decomposed.charAt(0);
            }
        }
        if (HOMOGLYPHS_FROM.length() != HOMOGLYPHS_TO.length()) {
            throw new IllegalStateException("homoglyph tables differ in length");
        }
    }

    /**
     * The text the patterns look at, one char for one char so that offsets still point into the original: accents
     * removed from Latin letters, curly quotes made straight, and with {@code homoglyphs} Cyrillic and Greek
     * look-alikes turned into Latin letters. Case is kept.
     */
    static String fold(String text, boolean homoglyphs) {
        var folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            if (c >= 0xC0 && c < UNACCENTED.length && UNACCENTED[c] != 0) {
                c = UNACCENTED[c];
            } else if (c == '\u2018' || c == '\u2019' || c == '\u02BC' || c == '\u00B4' || c == '`') {
                c = '\'';
            } else if (c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB' || c == '\u201E') {
                c = '"';
            } else if (homoglyphs) {
                int at = HOMOGLYPHS_FROM.indexOf(c);
                if (at >= 0) {
                    c = HOMOGLYPHS_TO.charAt(at);
                }
            }
            folded[i] = c;
        }
        return new String(folded);
    }

    /** Whether a text has a Cyrillic or Greek look-alike of a Latin letter. */
    static boolean hasHomoglyphs(String text) {
        return text.chars().anyMatch(c -> HOMOGLYPHS_FROM.indexOf(c) >= 0);
    }

    /**
     * Whether a code point is invisible when rendered: zero-width characters, the soft hyphen, bidirectional
     * controls, variation selectors and tag characters.
     */
    static boolean invisible(int c) {
        return c == 0x00AD
                || c == 0x034F
                || c == 0x061C
                || c == 0x180E
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || c == 0xFEFF
                || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0xE0000 && c <= 0xE007F)
                || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** Whether a text has invisible characters. */
    static boolean hasInvisible(String text) {
        return text.codePoints().anyMatch(InjectionTexts::invisible);
    }

    /** The text without its invisible characters. */
    static String stripInvisible(String text) {
        var visible = new StringBuilder(text.length());
        text.codePoints().filter(c -> !invisible(c)).forEach(visible::appendCodePoint);
        return visible.toString();
    }

    /**
     * The ASCII text spelled by Unicode tag characters (U+E0020 to U+E007E mirror ASCII 0x20 to 0x7E and render as
     * nothing), which can carry an instruction that a reader never sees; empty when there are none.
     */
    static String tagText(String text) {
        var hidden = new StringBuilder();
        text.codePoints().filter(c -> c >= 0xE0020 && c <= 0xE007E).forEach(c -> hidden.append((char) (c - 0xE0000)));
        return hidden.toString();
    }

    /** Compatibility forms (full-width letters, ligatures, mathematical alphabets) replaced by ordinary ones. */
    static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** Digits and signs that stand for letters in leetspeak, read as those letters. */
    static String leet(String text) {
        var plain = new char[text.length()];
        for (int i = 0; i < plain.length; i++) {
            char c = text.charAt(i);
            plain[i] = switch (c) {
                case '1' -> 'i';
                case '3' -> 'e';
                case '0' -> 'o';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            };
        }
        return new String(plain);
    }

    /** Whether a text has a character that {@link #leet} changes. */
    static boolean hasLeet(String text) {
        return text.chars().anyMatch(c -> "1304@5$7".indexOf(c) >= 0);
    }

    /** The text with ASCII letters rotated by 13 places; rot13 is its own inverse. */
    static String rot13(String text) {
        var rotated = new char[text.length()];
        for (int i = 0; i < rotated.length; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            rotated[i] = c;
        }
        return new String(rotated);
    }

    /** A run long enough to hide a short instruction ("ignore all rules" is 24 characters in base64). */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

    /**
     * The texts hidden in base64 runs of at least 16 characters (standard or URL-safe alphabet, padding optional):
     * each run that decodes to valid UTF-8 of which at least nine tenths are printable, and that has a space or a
     * letter, in the order of the runs. Words that merely look like base64 decode to bytes that fail these checks.
     */
    static List<String> base64Texts(String text) {
        var decoded = new ArrayList<String>();
        var runs = BASE64_RUN.matcher(text);
        while (runs.find()) {
            var run = runs.group().replace('-', '+').replace('_', '/');
            var body = run.replace("=", "");
            if (body.length() % 4 == 1) {
                continue;
            }
            var padded = body + "==".substring(0, (4 - body.length() % 4) % 4);
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(padded);
            } catch (IllegalArgumentException e) {
                continue;
            }
            plausibleText(bytes).ifPresent(decoded::add);
        }
        return decoded;
    }

    private static java.util.Optional<String> plausibleText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
        long printable = text.codePoints()
                .filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r')
                .count();
        boolean wordy = text.codePoints().anyMatch(Character::isLetter);
        if (text.isEmpty() || printable * 10 < text.codePointCount(0, text.length()) * 9 || !wordy) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(text);
    }

    /**
     * An excerpt of at most {@link InjectionSignal#MAX_EVIDENCE} characters of {@code text} around {@code [start,
     * end)}: ten characters before the match, then the match and what follows (a longer match is cut), with line
     * breaks as spaces.
     */
    static String excerpt(String text, int start, int end) {
        int max = InjectionSignal.MAX_EVIDENCE;
        int from = Math.max(0, start - 10);
        int to = Math.min(text.length(), from + max);
        if (to - from < max) {
            from = Math.max(0, to - max);
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to).replaceAll("\\s", " ");
    }
}
