package org.pathwise.guardrails;

import java.util.Map;

/**
 * Recognises requests that are harmful (weapons, drugs, malware, breaking into accounts, hurting people) or plainly
 * unrelated to teaching and learning (recipes, betting, investment tips, horoscopes), in English, French and Spanish.
 * Teaching about such topics (lab safety, cybersecurity awareness, the chemistry of cooking) is not matched: the
 * patterns need a request to do the thing.
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Proportionality and do no harm".
 */
final class OutOfScopeRail extends PatternRail {

    static final String RULE = "out-of-scope";

    OutOfScopeRail() {
        super(
                RULE,
                Map.of(
                        "harmful request",
                        compile(
                                "\\b(?:how (?:do|can|could|to) (?:I |we |you )?)?(?:make|build|assemble|construct)\\s+"
                                        + "(?:a |an |some )?(?:bomb|pipe bomb|explosive device|molotov|nerve agent|bioweapon"
                                        + "|untraceable gun|ghost gun)",
                                "\\b(?:synthesi[sz]e|cook|make|produce|manufacture)\\s+(?:some\\s+)?(?:meth|methamphetamine"
                                        + "|heroin|fentanyl|crack cocaine|sarin|ricin)\\b",
                                "\\b(?:write|create|code|build)\\s+(?:me\\s+)?(?:a |an |some )?(?:working\\s+)?"
                                        + "(?:malware|ransomware|keylogger|computer virus|trojan|botnet)\\b",
                                "\\bhack\\s+(?:into\\s+)?(?:someone'?s|my (?:ex|boss|colleague|student)'?s?|an?"
                                        + " (?:e-?mail|instagram|facebook|bank) account|the (?:grading|exam) system)",
                                "\\b(?:steal|phish)\\s+(?:someone'?s\\s+|their\\s+)?(?:password|passwords|identity|credit"
                                        + " card)",
                                "\\bhow (?:do|can) I (?:kill|poison|hurt)\\s+(?:myself|someone|a person|my)",
                                "\\b(?:fabriquer|construire)\\s+(?:une|des)\\s+(?:bombe|bombes|explosifs|cocktail"
                                        + " molotov)",
                                "\\bpirater\\s+(?:le|un|son|sa)\\s+(?:compte|messagerie|système de notes)",
                                "\\b(?:écrire|créer|coder)\\s+(?:un|des)\\s+(?:rançongiciel|logiciel malveillant"
                                        + "|virus informatique|keylogger)",
                                "\\b(?:fabricar|construir|hacer)\\s+(?:una|un|unas)\\s+(?:bomba|bombas|explosivos"
                                        + "|cóctel molotov)",
                                "\\b(?:hackear|piratear)\\s+(?:la|una|su)\\s+(?:cuenta|correo|sistema de notas)",
                                "\\b(?:escribir|crear|programar)\\s+(?:un|una)\\s+(?:ransomware|programa malicioso"
                                        + "|virus informático|keylogger)"),
                        "unrelated to teaching and learning",
                        compile(
                                "\\b(?:recipe|recipes) for (?:a |an )?(?:cake|pasta|lasagn[ae]|cookies|bread|soup|pizza"
                                        + "|curry|dinner)",
                                "\\b(?:which|what) (?:stocks?|shares|crypto(?:currency|currencies)?|coins?) should I"
                                        + " (?:buy|invest in)",
                                "\\b(?:who will win|betting tips for|best bet for)\\b",
                                "\\b(?:my|today'?s) horoscope\\b",
                                "\\blottery numbers\\b",
                                "\\brecette (?:de|du|des|d')\\s*(?:gâteau|lasagnes|crêpes|pâtes|pizza|soupe)",
                                "\\bquelles actions (?:dois-je|faut-il) acheter",
                                "\\bmon horoscope\\b",
                                "\\breceta (?:de|del|para)\\s+(?:paella|tortilla|pastel|lasaña|pizza|sopa)",
                                "\\bqué acciones (?:debo|debería) comprar",
                                "\\bmi horóscopo\\b")));
    }
}
