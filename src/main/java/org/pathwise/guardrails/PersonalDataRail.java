package org.pathwise.guardrails;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Redacts personal data from a text: e-mail addresses, phone numbers, payment card numbers (Luhn-checked), IBANs
 * (mod-97-checked), student or national identifiers introduced as such, in English, French and Spanish, and people's
 * names where the text speaks of grades, health, discipline, admission or contact details ({@link PersonNames}). Each
 * kind is replaced by a marker such as {@code [email]}, each name by a pseudonym such as {@code [person-1]}, and one
 * verdict names the kinds found (never the data itself).
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Right to Privacy and Data Protection", and data
 * minimisation: the question is redacted before retrieval, before any model, and before anything is stored.
 */
final class PersonalDataRail implements RuleSet.Rule {

    /** The rule's id in the policy. */
    public static final String RULE = "personal-data";

    private record Kind(String name, Pattern pattern, Predicate<String> valid) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("email", Pattern.compile("(?i)\\b[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}\\b"), match -> true),
            new Kind(
                    "iban",
                    Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b"),
                    PersonalDataRail::validIban),
            new Kind("card", Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"), PersonalDataRail::luhn),
            new Kind(
                    "id",
                    Pattern.compile("(?iu)\\b(?:student|matriculation|national|social security|passport|"
                            + "étudiant|matricule|sécurité sociale|numéro INE|INE|estudiante|matrícula|DNI|NIE|"
                            + "cédula|CURP)(?:\\s+(?:id|ID|no\\.?|number|num(?:é|e)ro|n°|nº|número|card))?(?:\\s+(?:is|es|est))?\\s*[:#]?\\s*"
                            + "[A-Z0-9][A-Z0-9-]{4,}\\b"),
                    match -> match.chars().filter(Character::isDigit).count() >= 4),
            new Kind(
                    "phone",
                    Pattern.compile(
                            "(?<![\\w.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]\\d{2,4}){2,5}(?![\\w.])"),
                    match -> {
                        long digits = match.chars().filter(Character::isDigit).count();
                        return digits >= 9 && digits <= 15;
                    }));

    /** The built-in kinds only, names where the text speaks of grades, health, discipline or admission. */
    static final PersonalDataRail BUILT_IN = new PersonalDataRail();

    private final List<Kind> kinds;
    private final PersonNames.Mode names;

    /** The built-in kinds only, names where the text speaks of grades, health, discipline or admission. */
    public PersonalDataRail() {
        this(java.util.Map.of());
    }

    /** The built-in kinds and more, names where the text speaks of grades, health, discipline or admission. */
    public PersonalDataRail(java.util.Map<String, String> patterns) {
        this(patterns, PersonNames.Mode.SENSITIVE);
    }

    /** The built-in kinds and every name, whatever the text speaks of: for evidence, which needs no names. */
    public static PersonalDataRail withEveryName() {
        return new PersonalDataRail(java.util.Map.of(), PersonNames.Mode.ALWAYS);
    }

    /**
     * The built-in kinds and more, for example an institution's student numbers.
     *
     * @param patterns regular expressions by the kind's name; a match is replaced by {@code [name]}
     * @param names when people's names are replaced by pseudonyms ({@link PersonNames})
     * @throws IllegalArgumentException when a name is not a lower-case word or a pattern does not compile
     */
    PersonalDataRail(java.util.Map<String, String> patterns, PersonNames.Mode names) {
        this.names = names;
        var all = new ArrayList<>(KINDS);
        new java.util.TreeMap<>(patterns).forEach((name, regex) -> {
            if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException(
                        "a personal-data pattern's name must be a lower-case word, got " + name);
            }
            try {
                all.add(new Kind(name, Pattern.compile(regex), match -> true));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("the personal-data pattern " + name
                        + " is not a valid regular expression: " + e.getDescription());
            }
        });
        this.kinds = List.copyOf(all);
    }

    /** The text with every personal datum this rail knows replaced by its marker. */
    public String redact(String text) {
        return apply(new Screening(text, List.of())).text();
    }

    @Override
    public Screening apply(Screening screening) {
        var text = screening.text();
        var found = new LinkedHashSet<String>();
        for (var kind : kinds) {
            var matcher = kind.pattern().matcher(text);
            var result = new StringBuilder();
            boolean replaced = false;
            while (matcher.find()) {
                if (kind.valid().test(matcher.group())) {
                    var marker = kind.name().equals("id") ? idMarker(matcher.group()) : "[" + kind.name() + "]";
                    matcher.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(marker));
                    found.add(kind.name());
                    replaced = true;
                }
            }
            if (replaced) {
                matcher.appendTail(result);
                text = result.toString();
            }
        }
        var named = PersonNames.pseudonymise(text, names);
        if (!named.pseudonyms().isEmpty()) {
            text = named.text();
            found.add("name");
        }
        if (found.isEmpty()) {
            return screening;
        }
        return screening.with(
                text,
                new Verdict(
                        RULE,
                        Verdict.Action.REDACT,
                        "Personal data was removed before the question was searched or stored: "
                                + String.join(", ", found) + ".",
                        "",
                        Verdict.Severity.MEDIUM,
                        String.join(", ", found)));
    }

    /** Keeps the words that introduce an identifier ("student number") and hides the identifier. */
    private static String idMarker(String match) {
        var value = Pattern.compile("[A-Z0-9][A-Z0-9-]{4,}$").matcher(match);
        return value.find() ? match.substring(0, value.start()) + "[id]" : "[id]";
    }

    /** The Luhn checksum of a card number (ISO/IEC 7812-1). */
    static boolean luhn(String candidate) {
        var digits = candidate.replaceAll("[^0-9]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** The IBAN check (ISO 13616): the rearranged number, letters as 10–35, is 1 modulo 97. */
    static boolean validIban(String candidate) {
        var iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        var rearranged = iban.substring(4) + iban.substring(0, 4);
        var numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
