/**
 * A Model Context Protocol server at {@code /mcp} (Streamable HTTP, stateless), so that general AI assistants and
 * agent tools can search the library, ask it, read its documents and plan learning paths, each call authorised by
 * the caller's Pathwise role and recorded like its web equivalent. A Pathwise API token is the bearer credential.
 */
@ApplicationModule(
        displayName = "MCP server",
        allowedDependencies = {"assistant", "library", "retrieval", "pathways"})
package org.pathwise.mcp;

import org.springframework.modulith.ApplicationModule;
