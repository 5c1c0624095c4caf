package org.pathwise.assistant;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.pathwise.retrieval.SearchFilter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The Ask page: a conversation with the library, citations that open the cited passage, and feedback. */
@Controller
class AskPages {

    private final Assistant assistant;
    private final InteractionStore store;

    AskPages(Assistant assistant, InteractionStore store) {
        this.assistant = assistant;
        this.store = store;
    }

    /** The Ask page, narrowed to a course when a link (a learning platform's launch, say) names one. */
    @GetMapping("/ask")
    String page(
            @RequestParam(required = false) String conversation,
            @RequestParam(defaultValue = "") String course,
            Principal principal,
            Model model) {
        var user = principal.getName();
        model.addAttribute("conversations", store.conversations(user, 0, 100));
        List<InteractionStore.Turn> turns = List.of();
        if (conversation != null && store.conversationBelongsTo(conversation, user)) {
            turns = store.turns(conversation);
            model.addAttribute("conversation", conversation);
        }
        model.addAttribute("turns", turns);
        model.addAttribute("filters", Map.of("course", course, "language", "", "licence", ""));
        model.addAttribute("narrowed", !course.isBlank());
        return "assistant/ask";
    }

    /**
     * Asks a question, narrowed to a course, a language or a licence when the form names one; the next question of
     * the form keeps the same choices.
     */
    @PostMapping("/ask")
    String ask(
            @RequestParam String question,
            @RequestParam(required = false) String conversation,
            @RequestParam(defaultValue = "") String course,
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String licence,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Principal principal,
            Model model) {
        var filter = SearchFilter.chosen(licence, language, course);
        var response = assistant.ask(new Question(
                question,
                filter,
                conversation == null || conversation.isBlank() ? null : conversation,
                principal.getName()));
        if (htmx == null) {
            return "redirect:/ask?conversation=" + response.conversation();
        }
        model.addAttribute("turn", new InteractionStore.Turn(question, response));
        model.addAttribute("conversation", response.conversation());
        model.addAttribute("filters", Map.of("course", course, "language", language, "licence", licence));
        model.addAttribute("narrowed", !(course + language + licence).isBlank());
        return "assistant/fragments :: turn-and-form";
    }

    @PostMapping("/ask/feedback/{interaction}")
    String feedback(
            @PathVariable String interaction,
            @RequestParam String rating,
            @RequestParam(required = false) String comment,
            Principal principal,
            Model model) {
        int value = "up".equals(rating) ? 1 : -1;
        var text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        model.addAttribute("saved", store.feedback(interaction, principal.getName(), value, text));
        return "assistant/fragments :: feedback-saved";
    }

    @PostMapping("/ask/conversations/{id}/delete")
    String delete(@PathVariable String id, Principal principal) {
        store.deleteConversation(id, principal.getName());
        return "redirect:/ask";
    }
}
