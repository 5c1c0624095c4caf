package org.pathwise.assistant;

import java.security.Principal;
import java.util.List;
import org.pathwise.Problems;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue for administrators: {@code GET /api/review?status=open|closed|all}, {@code GET /api/review/{id}},
 * {@code POST /api/review/{id}/close} with {@code {"resolution": "..."}}, and the page {@code /admin/review}.
 */
@Controller
class ReviewController {

    private static final int LIMIT = 500;

    /** What closing an item says was done. */
    record Resolution(String resolution) {}

    private final ReviewQueue queue;

    ReviewController(ReviewQueue queue) {
        this.queue = queue;
    }

    @GetMapping(path = "/api/review", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<ReviewQueue.Item> items(@RequestParam(defaultValue = "open") String status) {
        return queue.items(status(status), LIMIT);
    }

    @GetMapping(path = "/api/review/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ReviewQueue.Item item(@PathVariable String id) {
        return queue.item(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping(
            path = "/api/review/{id}/close",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ReviewQueue.Item close(@PathVariable String id, @RequestBody Resolution body, Principal principal) {
        return queue.close(id, principal.getName(), body == null ? null : body.resolution())
                .orElseThrow(() -> notFound(id));
    }

    @GetMapping("/admin/review")
    String page(@RequestParam(defaultValue = "open") String status, Model model) {
        model.addAttribute("items", queue.items(status(status), LIMIT));
        model.addAttribute("status", status);
        return "assistant/review";
    }

    @PostMapping("/admin/review/{id}/close")
    String closeFromPage(
            @PathVariable String id,
            @RequestParam(required = false) String resolution,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            if (queue.close(id, principal.getName(), resolution).isPresent()) {
                redirect.addFlashAttribute("message", "The item was closed.");
            } else {
                redirect.addFlashAttribute("error", "That item is not open any more.");
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Say what was done: " + e.getMessage() + ".");
        }
        return "redirect:/admin/review";
    }

    private static String status(String status) {
        return switch (status) {
            case "open", "closed" -> status;
            case "all" -> null;
            default -> throw new IllegalArgumentException("status must be open, closed or all, got " + status);
        };
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("There is no open review item " + id + ".");
    }
}
