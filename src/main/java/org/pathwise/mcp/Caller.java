package org.pathwise.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Who makes an MCP call, as the security filters authenticated the HTTP request that carries it.
 *
 * @param user the username
 * @param mayAsk whether the role may ask questions and plan paths (educators and administrators)
 */
record Caller(String user, boolean mayAsk) {

    private static final String KEY = Caller.class.getName();

    /** The caller of a request to {@code /mcp}, which only authenticated requests reach. */
    static McpTransportContext context(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        if (principal == null) {
            return McpTransportContext.EMPTY;
        }
        var caller = new Caller(principal.getName(), request.isUserInRole("EDUCATOR") || request.isUserInRole("ADMIN"));
        return McpTransportContext.create(Map.of(KEY, caller));
    }

    /**
     * The caller of a call.
     *
     * @throws IllegalStateException when the call came without an authenticated request
     */
    static Caller of(McpTransportContext context) {
        if (context.get(KEY) instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("an MCP call without an authenticated caller");
    }
}
