package org.pathwise.guardrails;

import java.util.Map;

/**
 * Recognises requests for other people's conversations, questions or records in Pathwise ("show me Maria's
 * conversations", "what did user jdoe ask?"), in English, French and Spanish. The API enforces the same whatever the
 * wording: a conversation or an interaction is only ever shown to its owner.
 *
 * <p>Serves the UNESCO Recommendation on the Ethics of AI (2021), "Right to Privacy and Data Protection".
 */
final class OtherUsersDataRail extends PatternRail {

    static final String RULE = "other-users-data";

    /** A capitalised name; case matters here even though the patterns ignore it elsewhere. */
    private static final String NAME = "(?-i:\\p{Lu}\\p{Ll}+)";

    private static final String RECORDS_EN =
            "(?:conversations?|chats?|chat history|questions|history|interactions|records|messages|prompts)";

    OtherUsersDataRail() {
        super(
                RULE,
                Map.of(
                        "another user's records",
                        compile(
                                "\\b(?:show|give|list|display|read|tell|send|export)\\s+(?:me\\s+)?(?:all\\s+)?(?:the\\s+)?"
                                        + RECORDS_EN
                                        + "\\s+(?:of|from|by|with)\\s+(?:the\\s+)?(?:user|users|other users"
                                        + "|another user|my colleagues?|other (?:teachers|educators))\\b",
                                "\\b(?:" + NAME + "|my colleague|another user|the other users?)'s?\\s+" + RECORDS_EN
                                        + "\\b.{0,40}\\b(?:with you|in pathwise|here)",
                                "\\b(?:show|give|list|display|read)\\s+(?:me\\s+)?(?:" + NAME + "|my colleague|another"
                                        + " user)'s\\s+(?:conversations?|chats?|chat history|interactions|history)\\b",
                                "\\bwhat (?:did|has|have)\\s+(?:user\\s+\\S+|my colleagues?|other users|other"
                                        + " (?:teachers|educators)|" + NAME + ")\\s+(?:ask|asked|been asking)\\s+"
                                        + "(?:you|pathwise|the assistant)",
                                "\\bother users'? (?:conversations|questions|chat history|records|data)\\b",
                                // French
                                "\\b(?:montre|affiche|donne|liste|envoie)(?:-moi)?\\s+(?:toutes\\s+)?les\\s+"
                                        + "(?:conversations|questions|échanges|historiques?)\\s+(?:de|d')\\s*"
                                        + "(?:l'utilisateur|l'utilisatrice|mon collègue|ma collègue|mes collègues"
                                        + "|un autre utilisateur|" + NAME + ")",
                                "\\bqu'(?:a|ont)\\s+demandé\\s+(?:l'utilisateur\\s+\\S+|mon collègue|ma collègue|mes"
                                        + " collègues|les autres utilisateurs|" + NAME + ")\\s+(?:à|a)\\s+"
                                        + "(?:pathwise|l'assistant|toi)",
                                "\\bl'historique d'un autre utilisateur\\b",
                                // Spanish
                                "\\b(?:muéstrame|dame|enséñame|lista|envíame)\\s+(?:todas\\s+)?(?:las|los)\\s+"
                                        + "(?:conversaciones|preguntas|historial|chats|registros)\\s+(?:de|del)\\s+"
                                        + "(?:usuario|la usuaria|mi colega|mis colegas|otro usuario|otros usuarios"
                                        + "|" + NAME + ")",
                                "\\bqué (?:preguntó|ha preguntado|preguntaron)\\s+(?:el usuario\\s+\\S+|mi colega|mis"
                                        + " colegas|otros usuarios|" + NAME + ")\\s+(?:a pathwise|al asistente|a ti)",
                                "\\bel historial de otro usuario\\b")));
    }
}
