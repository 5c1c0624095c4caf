package org.pathwise;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's side of {@link LocalService}: once the service is ready it writes {@value LocalService#FILE} to its
 * data directory (mode 600, written whole or not at all) with a new secret, removes it when it stops, and runs the
 * read-only commands the command line sends it from this machine. The file is written only when the service listens
 * on plain HTTP on every address or on the loopback one, where {@code 127.0.0.1} reaches it.
 */
@RestController
@ConditionalOnWebApplication
class LocalCommandDoor {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCommandDoor.class);

    private final ApplicationContext context;
    private final Path file;
    private final String token;
    private final boolean tls;
    private final InetAddress address;

    LocalCommandDoor(
            ApplicationContext context,
            @Value("${pathwise.data-dir}") Path dataDir,
            ObjectProvider<ServerProperties> server) {
        this.context = context;
        this.file = dataDir.resolve(LocalService.FILE);
        var properties = server.getIfAvailable();
        this.tls = properties != null && Ssl.isEnabled(properties.getSsl());
        this.address = properties == null ? null : properties.getAddress();
        this.token = LocalService.randomText(32);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null || tls || !local()) {
            return;
        }
        int port = web.getWebServer().getPort();
        if (port <= 0) {
            return;
        }
        var endpoint = new LocalService.Endpoint(URI.create("http://127.0.0.1:" + port), token);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(
                    file.getParent(),
                    ".service",
                    ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, endpoint.json(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // no file (a file system without POSIX permissions, or a read-only directory): the command line runs its
            // commands itself, and says the directory is in use
            LOG.warn("the command line cannot find this service: cannot write {}: {}", file, e.toString());
            deleteQuietly(temporary);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void withdraw(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        try {
            // only the file this service wrote: a second service on the directory may have written its own since
            if (Files.isReadable(file)
                    && LocalService.Endpoint.parse(Files.readString(file))
                            .map(e -> e.token().equals(token))
                            .orElse(false)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the file then outlives the service, and the command line, finding no service there, runs on its own
            LOG.warn("cannot remove {}: {}", file, e.toString());
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", temporary, e.toString());
            }
        }
    }

    /** Whether {@code 127.0.0.1} reaches the server: it listens on every address or on the loopback one. */
    private boolean local() {
        return address == null
                || address.isAnyLocalAddress()
                || address.getHostAddress().equals("127.0.0.1");
    }

    @PostMapping(
            path = LocalService.PATH,
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> run(
            @RequestBody List<String> args,
            @RequestHeader(name = LocalService.TOKEN_HEADER, required = false) String secret,
            @RequestHeader(name = LocalService.NONCE_HEADER, required = false) String nonce,
            HttpServletRequest request) {
        if (!fromThisMachine(request)
                || secret == null
                || !MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw problem(
                    HttpStatus.FORBIDDEN,
                    "only the command line on this machine, with the secret of the service's data directory, runs"
                            + " commands here");
        }
        if (args.isEmpty() || !LocalService.COMMANDS.contains(args.getFirst())) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "send one of the commands " + LocalService.COMMANDS + " first, then its arguments");
        }
        var out = new StringWriter();
        var err = new StringWriter();
        int exit = Cli.runInService(
                context, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        var response = ResponseEntity.ok().header(LocalService.EXIT_HEADER, Integer.toString(exit));
        if (nonce != null && !nonce.isBlank()) {
            response = response.header(LocalService.PROOF_HEADER, LocalService.proof(token, nonce));
        }
        if (!err.toString().isEmpty()) {
            response = response.header(LocalService.ERROR_HEADER, LocalService.encodeError(err.toString()));
        }
        return response.body(out.toString());
    }

    /**
     * Whether a request came from this machine: from and to a loopback address. A reverse proxy names its client in
     * {@code X-Forwarded-For}, which the server (forward-headers-strategy native) makes the remote address, so that a
     * request it forwards comes from elsewhere; one that claims the loopback address from another machine still
     * arrived on an outside address. A forwarding header the server left in place refuses the request too.
     */
    private static boolean fromThisMachine(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()
                    && InetAddress.getByName(request.getLocalAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
