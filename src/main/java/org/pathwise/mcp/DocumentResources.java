package org.pathwise.mcp;

import io.modelcontextprotocol.server.McpStatelessSyncServer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pathwise.library.DocumentQuery;
import org.pathwise.library.Library;
import org.pathwise.library.LibraryDocument;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the MCP server's list of resources in step with the library, so that a host can list the documents as well
 * as read one by the template: every document once the service is ready, then the documents added, changed or
 * removed since, every {@code pathwise.mcp.resources-refresh} (30 seconds by default; an instance sharing a database
 * with others sees their ingestions that late).
 */
@Component
@ConditionalOnWebApplication
class DocumentResources {

    private final McpStatelessSyncServer server;
    private final PathwiseTools tools;
    private final Library library;

    /** The listed resources by URI, with what their listing was made from. */
    private final Map<String, String> listed = new HashMap<>();

    DocumentResources(McpStatelessSyncServer server, PathwiseTools tools, Library library) {
        this.server = server;
        this.tools = tools;
        this.library = library;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        refresh();
    }

    /** Lists the documents the library holds now, and only those. */
    @Scheduled(
            fixedDelayString = "${pathwise.mcp.resources-refresh:PT30S}",
            initialDelayString = "${pathwise.mcp.resources-refresh:PT30S}")
    synchronized void refresh() {
        var current = new LinkedHashMap<String, LibraryDocument>();
        for (int offset = 0; ; offset += DocumentQuery.MAX_LIMIT) {
            var page = library.documents(new DocumentQuery("", "", "", "", "", "", offset, DocumentQuery.MAX_LIMIT));
            page.forEach(document -> current.put(PathwiseTools.DOCUMENT_URI + document.id(), document));
            if (page.size() < DocumentQuery.MAX_LIMIT) {
                break;
            }
        }
        for (var uri : java.util.List.copyOf(listed.keySet())) {
            if (!current.containsKey(uri)) {
                server.removeResource(uri);
                listed.remove(uri);
            }
        }
        current.forEach((uri, document) -> {
            var made = document.contentHash() + " " + document.metadata();
            if (!made.equals(listed.get(uri))) {
                if (listed.containsKey(uri)) {
                    server.removeResource(uri);
                }
                server.addResource(tools.resource(document));
                listed.put(uri, made);
            }
        });
    }
}
