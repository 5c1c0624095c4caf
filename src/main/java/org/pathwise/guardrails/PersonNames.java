package org.pathwise.guardrails;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names in a question and replaces each with a pseudonym, {@code [person-1]}, {@code [person-2]}, the
 * same name with the same pseudonym throughout the text. A name is two or more capitalised words that do not open a
 * question or a sentence ("Nguyen Thi Lan", "Ana Lucía Quispe", "Pierre-Alexandre Moreau"), or one capitalised word
 * after a word for a learner or a title ("my student Oluwaseun", "mon élève Inès", "Dr. Okonkwo"), in any script
 * that has capitals; names of places and institutions ("Lake Victoria", "Universidad de Chile") are left alone.
 *
 * <p>A name on its own is not personal data worth hiding: "What does Paulo Freire say about dialogue?" must reach the
 * library as written. So by default names are replaced only in a text that also speaks of grades, health, disability,
 * family circumstances, discipline, admission or contact details ({@link Mode#SENSITIVE}), in English, French or
 * Spanish, which is when a name turns a question into a record about a person.
 */
final class PersonNames {

    /** When names are replaced. */
    enum Mode {
        /** Never. */
        OFF,
        /** When the text speaks of grades, health, discipline, admission or contact details. */
        SENSITIVE,
        /** Always, as for the evidence of a verdict, which no one needs names in. */
        ALWAYS
    }

    private static final Pattern NAME = Pattern.compile("(?U)" + HighStakesDecisionRail.NAMED
            + "|(?iu:\\b(?:student|learner|pupil|trainee|intern|son|daughter|colleague|co-teacher|[eé]l[eè]ve|étudiante?"
            + "|apprentie?|stagiaire|fils|fille|collègue|alumn[oa]|estudiante|aprendiz|hij[oa]|colega|compañer[oa])"
            + "\\s*,?\\s+)(?<single>(?-i:\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?))"
            + "|(?-i:\\b(?:Dr|Mr|Mrs|Ms|Prof|Mme|M|Sr|Sra|Dra)\\.?\\s+)(?<titled>(?-i:\\p{Lu}\\p{Ll}+))");

    /** Words that make a capitalised run a place, an institution or an event rather than a person. */
    private static final Pattern NOT_A_PERSON = Pattern.compile(
            "(?U)\\b(?:University|Universidad|Université|Universite|College|School|Institute|Lake|River|Mount|Street"
                    + "|War|League|Revolution|Programme|Program|Faculty|Department|Ministry|Office|Centre|Center"
                    + "|Hospital|Bank|Company|Council|Board|Republic|Kingdom|States|Union|Ocean|Sea|Cup|Bowl|Moodle"
                    + "|Canvas|Teams|Creative|Commons|Wikipedia|Carpentries|GitHub|Zoom|Google|Microsoft|Word|Excel|PowerPoint|Python|Java|Lycée|Colegio|Escuela)\\b");

    /** What makes a name in the same text personal data. */
    private static final Pattern SENSITIVE =
            Pattern.compile("(?iU)\\b(?:divorc\\w*|parents?|family|famille|familia|carer|aidant|cuidador\\w*"
                    + "|housing|logement|albergue|foster|famille d'accueil|diabet\\w*|diab[eé]tique|ivf|pma|fiv|hearing|malentendant"
                    + "|hipoacusia|anorexi\\w*|bulimi\\w*|hospitali[sz]\\w*|hospital|h[oô]pital|pregnan\\w*|embaraz\\w*|grossesse"
                    + "|pap[aá]s?|maman|mam[aá]s?|mum|mom|cong[eé] maladie|licencia por|beca|bourse|scholarship"
                    + "|plagio|expediente|disciplin\\w*|rat[eé]|jal[oó]|repite|repitiendo|repeating|impairment|trouble|trastorno"
                    + "|disorder|syndrome|s[ií]ndrome|injur\\w*|bless[eé]\\w*|lesi[oó]n|grades?|exams?|midterm|partiel|parcial|examen|sac[oó]|n'a pas été prise|marks?|scored?|scores|failed|fails"
                    + "|resits?|gpa|average|percent|transcript|diagnos\\w*|adhd|tdah|dyslexi\\w*|dyscalcul\\w*|dislexia"
                    + "|discalculia|[eé]pilep\\w*|cancer|c[aá]ncer|oncol[oó]g\\w*|anxiety|angoisse|ansiedad|deaf|sourde?|sord[oa]"
                    + "|visually impaired|malvoyante?|baja visi[oó]n|blind|aveugle|ciego|wheelchair|fauteuil roulant"
                    + "|silla de ruedas|autis\\w*|autist\\w*|depress\\w*|d[eé]pression|ill|illness|sick|malade|maladie"
                    + "|enferm\\w*|seizure|crise|crisis|disabilit\\w*|handicap\\w*|discapacidad|pregnan\\w*|enceinte"
                    + "|embarazada|medical|m[eé]dic\\w*|therapy|mental health|sant[eé] mentale|salud mental|died|death"
                    + "|d[eé]c[eè]s|muri[oó]|grief|deuil|duelo|treatment|traitement|tratamiento|suspend\\w*|warning"
                    + "|avertissement|amonestaci[oó]n|expel\\w*|exclu\\w*|expuls\\w*|cheat\\w*|plagia\\w*|triche\\w*|fraude"
                    + "|fight\\w*|bagarre|pelea|disrupt\\w*|perturb\\w*|sanction\\w*|detention|admitted|admission|admis"
                    + "|admise|admisi[oó]n|admitid[oa]|reject\\w*|rejet\\w*|rechaz\\w*|refus[eé]e?|offer|candidature"
                    + "|[eé]chou[eé]\\w*|rattrapage|redoubl\\w*|moyenne|promedio|notas?|notes?|calificaci[oó]n\\w*"
                    + "|reprob\\w*|suspendi\\w*|phone|t[eé]l[eé]phone|tel\\.?|e-?mail|courriel|correo|address|adresse"
                    + "|direcci[oó]n|\\[email]|\\[phone]|\\d+\\s*/\\s*20|\\d+\\s*%"
                    + "|asthm\\w*|asma|allerg\\w*|alergi\\w*|migrant\\w*|refugee|r[eé]fugi[eé]e?|refugiad[oa]|asylum"
                    + "|asile|asilo|undocumented|sans-papiers|indocumentad[oa]|orphan\\w*|orphelin\\w*|hu[eé]rfan[oa]"
                    + "|s[eé]par\\w*|t[ií]a|t[ií]o|tante|oncle"
                    + "|aunt|uncle|grandmother|grand-m[eè]re|abuel[oa]|guardian|tuteur l[eé]gal|tutor legal"
                    + "|(?-i:\\p{Lu}\\p{Ll}+)\\s+\\d{1,3}(?:[.,]\\d+)?(?=\\s*[,;.)]|\\s+(?:and|et|y)\\s))(?!\\p{L})");

    private PersonNames() {}

    /**
     * The text with the names replaced, and the pseudonym of each name replaced.
     *
     * @param text the text
     * @param mode when to replace
     */
    static Result pseudonymise(String text, Mode mode) {
        var pseudonyms = new LinkedHashMap<String, String>();
        if (mode == Mode.OFF
                || (mode == Mode.SENSITIVE && !SENSITIVE.matcher(text).find())) {
            return new Result(text, pseudonyms);
        }
        var matcher = NAME.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            int start = matcher.start();
            String name = matcher.group();
            for (var group : new String[] {"single", "titled"}) {
                if (matcher.group(group) != null) {
                    start = matcher.start(group);
                    name = matcher.group(group);
                }
            }
            if (NOT_A_PERSON.matcher(name).find()) {
                continue;
            }
            var pseudonym = pseudonyms.computeIfAbsent(name, n -> "[person-" + (pseudonyms.size() + 1) + "]");
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(text.substring(matcher.start(), start) + pseudonym));
        }
        matcher.appendTail(out);
        return new Result(out.toString(), pseudonyms);
    }

    /**
     * A text with its names replaced.
     *
     * @param text the text as it goes on
     * @param pseudonyms each name found, in order, to its pseudonym
     */
    record Result(String text, Map<String, String> pseudonyms) {

        Result {
            pseudonyms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pseudonyms));
        }
    }
}
