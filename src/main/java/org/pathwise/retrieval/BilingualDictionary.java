package org.pathwise.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The words of one language with their translations into another, read from FreeDict dictionaries in the dictd format
 * that Debian's {@code dict-freedict-*} packages install ({@code /usr/share/dictd/freedict-spa-eng.index} and
 * {@code .dict.dz}).
 *
 * <p>Both directions are read when installed: {@code freedict-<from>-<to>} gives each head word its translations, and
 * {@code freedict-<to>-<from>} is read backwards (a word that translates the head word {@code school} gets
 * {@code school} as a translation). Only single words are kept, on both sides of an entry: a question is looked up
 * word by word. FreeDict's dictionaries are under the GPL; they are read where the package installed them and never
 * copied into Pathwise.
 *
 * <p>FreeDict has no Chinese: Chinese to English is read from CC-CEDICT ({@value #CEDICT_FILE}) in the same folder, and
 * a Chinese question, written without spaces, is cut into the dictionary's words ({@link #split(String)}).
 */
final class BilingualDictionary {

    /** Translations kept per entry: the first ones are the usual senses, the later ones add mostly noise. */
    static final int SENSES = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:[-'][\\p{L}\\p{M}]+)*");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s*");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|<[^>]*>|\\[[^]]*]|\\{[^}]*}");

    /**
     * CC-CEDICT, the Chinese–English dictionary that MDBG publishes under CC BY-SA 4.0, as its file {@code
     * cedict_ts.u8}: read from the dictionaries' folder where an administrator puts it, never copied into Pathwise.
     */
    static final String CEDICT_FILE = "cedict_ts.u8";

    private static final String CEDICT_FROM = "zho";
    private static final String CEDICT_TO = "eng";

    /** One CC-CEDICT line: traditional and simplified head words, pinyin in brackets, glosses between slashes. */
    private static final Pattern CEDICT_LINE = Pattern.compile("^(\\S+) (\\S+) \\[[^]]*] /(.*)/\\s*$");

    /** Glosses that name no meaning: a measure word, a variant or a reference to another entry, a surname. */
    private static final Pattern CEDICT_NOT_A_SENSE = Pattern.compile(
            "^(?:CL:|(?:old |archaic |Japanese |Taiwan )?variant of|see |see also|surname |abbr\\. for|used in )");

    /**
     * The words of English glosses that say nothing of the meaning: CEDICT writes verbs "to …" and objects "sb" and
     * "sth".
     */
    private static final java.util.Set<String> GLOSS_FILLERS = java.util.Set.of(
            "to", "a", "an", "the", "of", "sb", "sth", "one's", "oneself", "etc", "or", "and", "be", "in", "on", "at",
            "for", "with", "by", "as", "is");

    /** The longest head word looked for when a run of Chinese characters is cut into words. */
    static final int LONGEST_WORD = 8;

    private final String from;
    private final String to;
    /** Each word of {@code from}, normalised, with its translations' words, most usual first. */
    private final Map<String, List<String>> translations;
    /** The same words by each stemmer's stem, the translations of every word of a stem merged. */
    private final List<Map<String, List<String>>> byStem = new ArrayList<>();

    private final List<UnaryOperator<String>> stemmers;

    private BilingualDictionary(
            String from, String to, Map<String, List<String>> translations, List<UnaryOperator<String>> stemmers) {
        this.from = from;
        this.to = to;
        this.translations = translations;
        this.stemmers = List.copyOf(stemmers);
        for (var stemmer : stemmers) {
            var stems = new LinkedHashMap<String, LinkedHashSet<String>>();
            translations.forEach((word, words) -> {
                var key = stemmer.apply(word);
                if (!key.isEmpty()) {
                    stems.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(words);
                }
            });
            var frozen = new LinkedHashMap<String, List<String>>(stems.size() * 2);
            stems.forEach((key, words) -> frozen.put(key, List.copyOf(words)));
            byStem.add(frozen);
        }
    }

    /**
     * Reads the dictionaries between two languages (ISO 639-3 codes, as FreeDict names them) from a folder, or empty
     * when neither direction is installed there.
     *
     * @param normalise the key a word of {@code from} is looked up by (lower case, orthographic variants folded):
     *     applied to head words here and to the words looked up later
     * @param stemmers a normalised word's stems, by which a word missing from the dictionary is looked up, tried in
     *     order
     * @throws UncheckedIOException when an installed dictionary can't be read
     */
    static Optional<BilingualDictionary> read(
            Path folder,
            String from,
            String to,
            UnaryOperator<String> normalise,
            List<UnaryOperator<String>> stemmers) {
        var translations = new LinkedHashMap<String, LinkedHashSet<String>>();
        boolean found = false;
        if (from.equals(CEDICT_FROM) && to.equals(CEDICT_TO)) {
            for (var entry : cedict(folder)) {
                found = true;
                var words = translations.computeIfAbsent(normalise.apply(entry.head()), w -> new LinkedHashSet<>());
                entry.senses().stream()
                        .limit(SENSES)
                        .forEach(sense -> words(sense).stream()
                                .filter(word -> !GLOSS_FILLERS.contains(word))
                                .forEach(words::add));
            }
        }
        for (var entry : entries(folder, from, to)) {
            found = true;
            var head = singleWord(entry.head());
            if (head != null) {
                var words = translations.computeIfAbsent(normalise.apply(head), w -> new LinkedHashSet<>());
                entry.senses().stream().limit(SENSES).forEach(sense -> words.addAll(words(sense)));
            }
        }
        for (var entry : entries(folder, to, from)) {
            found = true;
            var head = singleWord(entry.head());
            if (head == null) {
                continue;
            }
            for (var sense : entry.senses().stream().limit(SENSES).toList()) {
                var word = singleWord(sense);
                if (word != null) {
                    translations
                            .computeIfAbsent(normalise.apply(word), w -> new LinkedHashSet<>())
                            .add(head.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (!found) {
            return Optional.empty();
        }
        var frozen = new LinkedHashMap<String, List<String>>(translations.size() * 2);
        translations.forEach((word, words) -> {
            if (!word.isEmpty() && !words.isEmpty()) {
                frozen.put(word, List.copyOf(words));
            }
        });
        return Optional.of(new BilingualDictionary(from, to, frozen, stemmers));
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    /** The number of words that have a translation. */
    int size() {
        return translations.size();
    }

    /**
     * The translations' words of a normalised word, most usual first: those of the word itself, else those of every
     * word with its stem by the first stemmer that knows one; empty when the dictionary has none of them.
     */
    List<String> translate(String normalisedWord) {
        var words = translations.get(normalisedWord);
        for (int i = 0; words == null && i < stemmers.size(); i++) {
            words = byStem.get(i).get(stemmers.get(i).apply(normalisedWord));
        }
        return words == null ? List.of() : words;
    }

    /**
     * A token of a question cut into the dictionary's words where it is written without spaces (a run of Chinese
     * characters): at each place the longest head word that starts there, up to {@value #LONGEST_WORD} characters, or
     * one character when none does (forward maximum matching). Any other token is one word.
     */
    List<String> split(String normalisedToken) {
        if (normalisedToken.codePoints().noneMatch(BilingualDictionary::han)) {
            return List.of(normalisedToken);
        }
        var words = new ArrayList<String>();
        int at = 0;
        while (at < normalisedToken.length()) {
            int end = Math.min(normalisedToken.length(), at + LONGEST_WORD);
            while (end > at + 1 && !translations.containsKey(normalisedToken.substring(at, end))) {
                end--;
            }
            if (end == at + 1 && Character.isHighSurrogate(normalisedToken.charAt(at))) {
                end = Math.min(normalisedToken.length(), at + 2);
            }
            words.add(normalisedToken.substring(at, end));
            at = end;
        }
        return words;
    }

    private static boolean han(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /**
     * The entries of CC-CEDICT in a folder, each head word (traditional, and simplified where it differs) with the
     * entry's glosses that are senses; empty when it is not there.
     */
    static List<Entry> cedict(Path folder) {
        var file = folder.resolve(CEDICT_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("can't read the dictionary " + file + ": " + e.getMessage(), e);
        }
        var entries = new ArrayList<Entry>();
        for (var line : lines) {
            var matcher = CEDICT_LINE.matcher(line);
            if (line.startsWith("#") || !matcher.matches()) {
                continue;
            }
            var senses = new ArrayList<String>();
            for (var gloss : matcher.group(3).split("/")) {
                var sense = BRACKETED.matcher(gloss).replaceAll(" ").strip();
                if (!sense.isEmpty()
                        && !CEDICT_NOT_A_SENSE.matcher(gloss.strip()).find()) {
                    senses.add(sense);
                }
            }
            if (!senses.isEmpty()) {
                entries.add(new Entry(matcher.group(2), senses));
                if (!matcher.group(1).equals(matcher.group(2))) {
                    entries.add(new Entry(matcher.group(1), senses));
                }
            }
        }
        return entries;
    }

    /** A head word or a sense that is one word, in lower case, or {@code null}. */
    private static String singleWord(String text) {
        var matcher = WORD.matcher(text.strip());
        return matcher.matches() ? text.strip().toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** The words of a sense, in lower case. */
    private static List<String> words(String sense) {
        var words = new ArrayList<String>();
        var matcher = WORD.matcher(sense);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(java.util.Locale.ROOT));
        }
        return words;
    }

    /** One dictionary entry: its head word (or phrase) and its senses, in the dictionary's order. */
    record Entry(String head, List<String> senses) {}

    /** The entries of {@code freedict-<from>-<to>} in a folder; empty when it is not there. */
    static List<Entry> entries(Path folder, String from, String to) {
        var index = folder.resolve("freedict-" + from + "-" + to + ".index");
        var data = folder.resolve("freedict-" + from + "-" + to + ".dict.dz");
        if (!Files.isRegularFile(index) || !Files.isRegularFile(data)) {
            return List.of();
        }
        try {
            byte[] text;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data), 1 << 16)) {
                // dictzip is gzip with a table of chunks in its header, which a plain gzip reader skips
                text = in.readAllBytes();
            }
            var entries = new ArrayList<Entry>();
            for (var line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                var fields = line.split("\t");
                if (fields.length < 3 || fields[0].startsWith("00database") || fields[0].startsWith("00-database")) {
                    continue;
                }
                int offset = (int) base64(fields[1]);
                int length = (int) base64(fields[2]);
                if (offset < 0 || length < 0 || offset + length > text.length) {
                    continue;
                }
                entries.add(entry(new String(text, offset, length, StandardCharsets.UTF_8)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("can't read the dictionary " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * One entry's text: its first line is the head word, with its pronunciation between slashes and a part of speech
     * in angle brackets; each further line holds senses separated by commas or semicolons, possibly numbered; example
     * sentences (indented, quoted) and cross references ({@code see:}, {@code Synonym:}) are not senses.
     */
    static Entry entry(String text) {
        var lines = text.split("\n");
        var head = lines[0];
        int slash = head.indexOf(" /");
        head = (slash >= 0 ? head.substring(0, slash) : head).strip();
        var senses = new ArrayList<String>();
        for (int i = 1; i < lines.length; i++) {
            var line = lines[i];
            var stripped = line.strip();
            if (stripped.isEmpty()
                    || stripped.startsWith("\"")
                    || stripped.startsWith("see:")
                    || stripped.startsWith("Synonym:")
                    || stripped.startsWith("Note:")) {
                continue;
            }
            stripped = BRACKETED
                    .matcher(NUMBERED.matcher(stripped).replaceFirst(""))
                    .replaceAll(" ");
            for (var sense : stripped.split("[,;]")) {
                if (!sense.isBlank()) {
                    senses.add(sense.strip());
                }
            }
        }
        return new Entry(head, senses);
    }

    /** A dictd index number: base 64 with the alphabet A–Z, a–z, 0–9, +, /. */
    static long base64(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit;
            if (c >= 'A' && c <= 'Z') {
                digit = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                digit = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                digit = c - '0' + 52;
            } else if (c == '+') {
                digit = 62;
            } else if (c == '/') {
                digit = 63;
            } else {
                throw new IllegalArgumentException("not a dictd number: " + digits);
            }
            value = value * 64 + digit;
        }
        return value;
    }
}
