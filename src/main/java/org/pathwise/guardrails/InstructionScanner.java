package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds text in a document that addresses an AI rather than a reader: "ignore previous instructions", "you are now",
 * "AI assistants must answer ...", "reply only with ...", in English, French, Spanish and German. The library flags
 * documents that hold such text when it ingests them; the {@code document-injection} rule takes the sentences out of
 * the passages a composer is given, so that what they say is never carried out and never repeated.
 */
final class InstructionScanner {

    private record Named(String name, Pattern pattern) {}

    private static final String AI = "(?:AI|A\\.I\\.|IA|KI|assistant|chatbot|chat ?bot|language model|LLM|GPT|ChatGPT"
            + "|model|modèle|modelo|asistente|assistente|Sprachmodell)s?";

    private static final List<Named> PATTERNS = List.of(
            named(
                    "override",
                    "\\b(?:ignore|disregard|forget|override|bypass)\\s+(?:all\\s+|any\\s+|the\\s+|your\\s+)?"
                            + "(?:previous|prior|above|earlier|preceding|system|original)\\s+"
                            + "(?:instructions?|prompts?|rules|directions|context)"),
            named(
                    "override",
                    "\\b(?:ignore|oublie|oubliez|ignorez)\\s+(?:toutes\\s+)?(?:les|tes|vos)\\s+(?:instructions|consignes"
                            + "|règles)\\s+(?:précédentes|antérieures|ci-dessus)"),
            named(
                    "override",
                    "\\b(?:ignora|ignore|olvida|olvide)\\s+(?:todas\\s+)?(?:las|tus|sus)\\s+(?:instrucciones|reglas"
                            + "|indicaciones)\\s+(?:anteriores|previas)"),
            named(
                    "override",
                    "\\b(?:ignoriere|vergiss)\\s+(?:alle\\s+)?(?:vorherigen|bisherigen|obigen)\\s+(?:Anweisungen"
                            + "|Instruktionen|Regeln)"),
            named("addressed to an AI", "\\b(?:if|when) you are an? " + AI + "\\b"),
            named(
                    "addressed to an AI",
                    "\\b(?:note|attention|message|instructions?) (?:to|for) (?:any |the )?" + AI + "\\b"),
            named("addressed to an AI", "\\b" + AI + "\\s+(?:reading|processing|summari[sz]ing) this\\b"),
            named("addressed to an AI", "\\b(?:si tu es|si vous êtes) (?:une|un) (?:IA|assistant|modèle)\\b"),
            named("addressed to an AI", "\\b(?:si eres|si usted es) (?:una|un) (?:IA|asistente|modelo)\\b"),
            named("role change", "\\byou are (?:now|no longer)\\b|\\bfrom now on,? you\\b|\\bnew instructions?:"),
            named(
                    "role change",
                    "\\b(?:tu es|vous êtes) (?:désormais|maintenant)\\b|\\bà partir de maintenant,? (?:tu|vous)\\b"),
            named("role change", "\\b(?:ahora eres|a partir de ahora,? (?:eres|debes))\\b"),
            named(
                    "output control",
                    "\\b(?:reply|respond|answer|say|print|output|write)\\s+(?:only\\s+)?(?:with|exactly)\\s+"
                            + "[\"'“«]"),
            named(
                    "output control",
                    "\\b(?:include|insert|add|mention)\\s+(?:the\\s+)?(?:code|word|phrase|string|token|link)\\s+"
                            + "[\"'“«]?\\S+[\"'”»]?\\s+in (?:your|every|each|the) (?:answer|response|reply|summary)"),
            named(
                    "prompt leak",
                    "\\b(?:reveal|print|show|repeat|output)\\s+(?:your|the)\\s+(?:system\\s+)?(?:prompt|instructions)"));

    /** All patterns in one, to rule out the usual passage, which holds none, in one pass. */
    private static final Pattern ANY = Pattern.compile(PATTERNS.stream()
            .map(n -> "(?:" + n.pattern().pattern() + ")")
            .collect(java.util.stream.Collectors.joining("|")));

    private static Named named(String name, String regex) {
        return new Named(name, Pattern.compile("(?iu)" + regex));
    }

    private InstructionScanner() {}

    /** The sentences of a text that address an AI, in order. */
    static List<Guardrails.Instruction> scan(String text) {
        var findings = new ArrayList<Guardrails.Instruction>();
        if (!ANY.matcher(text).find()) {
            return findings;
        }
        for (var sentence : Sentences.split(text)) {
            for (var named : PATTERNS) {
                if (named.pattern().matcher(sentence).find()) {
                    var shown = sentence.strip();
                    findings.add(new Guardrails.Instruction(
                            shown.length() > 160 ? shown.substring(0, 160) + "…" : shown, named.name()));
                    break;
                }
            }
        }
        return findings;
    }

    /** The text without the sentences that address an AI. */
    static String defuse(String text) {
        if (!ANY.matcher(text).find()) {
            return text;
        }
        var kept = new StringBuilder();
        for (var sentence : Sentences.split(text)) {
            if (PATTERNS.stream().anyMatch(n -> n.pattern().matcher(sentence).find())) {
                kept.append(" ");
            } else {
                kept.append(sentence);
            }
        }
        return kept.toString();
    }
}
