package org.pathwise;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.spring.PicocliSpringFactory;

/**
 * The {@code pathwise} command line: {@code serve} (the default) starts the web service; every other command starts
 * the application without a web server, runs, and exits with 0 (success), 1 (some input failed) or 2 (usage error).
 */
@Command(
        name = "pathwise",
        mixinStandardHelpOptions = true,
        version = "Pathwise 0.1",
        description = "An AI teaching assistant and learning-path recommender for staff development.",
        subcommands = Cli.Serve.class)
public final class Cli implements Runnable {

    /** What {@link #run} returns when it started the web service, which keeps running. */
    public static final int SERVING = -1;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the index and database live (default: $PATHWISE_DATA_DIR or ./data).")
    Path dataDir;

    @Override
    public void run() {}

    /** Starts the web service. */
    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Start the web service (the default command).")
    static final class Serve implements Runnable {

        @Option(
                names = "--port",
                paramLabel = "PORT",
                description = "The port to listen on, 1 to 65535 (default: $SERVER_PORT or 8080).")
        Integer port;

        @Override
        public void run() {}
    }

    /** Runs the command line on the process's standard streams and returns the exit code. */
    public static int run(String... args) {
        return run(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args);
    }

    /**
     * Runs the command line and returns the exit code, or {@link #SERVING} when it started the web service; never
     * calls {@code System.exit}.
     *
     * <p>The root's own options are read first, up to the command's name: with no command, or {@code serve}, the web
     * service starts. Any other command is checked first against the catalogue of commands, a small Spring context of
     * the modules' command beans alone, so that help and usage errors (exit 2) come at once and before anything
     * starts. Then the application starts without its web server and with lazy beans, picocli's Spring factory builds
     * the command line again from its command beans, and the chosen command runs.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var root = new Cli();
        var head = new CommandLine(root).setStopAtUnmatched(true).setOut(out).setErr(err);
        CommandLine.ParseResult rootOnly;
        try {
            rootOnly = head.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return usageError(err, e);
        }
        var properties = new HashMap<String, Object>();
        if (root.dataDir != null) {
            properties.put("pathwise.data-dir", root.dataDir.toString());
        }
        boolean helpRequested = rootOnly.isUsageHelpRequested() || rootOnly.isVersionHelpRequested();
        if (!helpRequested
                && !rootOnly.unmatched().isEmpty()
                && LocalService.COMMANDS.contains(rootOnly.unmatched().getFirst())) {
            var service = LocalService.find(LocalService.dataDir(root.dataDir));
            if (service.isPresent()) {
                var exit = LocalService.forward(service.get(), rootOnly.unmatched(), out, err);
                if (exit.isPresent()) {
                    return exit.getAsInt();
                }
            }
        }
        if (!helpRequested && rootOnly.unmatched().isEmpty()) {
            var serve = rootOnly.subcommand();
            if (serve != null) {
                if (CommandLine.printHelpIfRequested(rootOnly)) {
                    return CliCommand.OK;
                }
                if (!serve.unmatched().isEmpty()) {
                    err.println("pathwise: serve takes no argument '"
                            + serve.unmatched().getFirst()
                            + "': give the port with --port, other settings as environment variables (see pathwise"
                            + " serve --help)");
                    return CliCommand.USAGE;
                }
                Integer port = serve.matchedOptionValue("--port", null);
                if (port != null) {
                    if (port < 1 || port > 65_535) {
                        err.println("pathwise: --port must be between 1 and 65535, got " + port);
                        return CliCommand.USAGE;
                    }
                    properties.put("server.port", port);
                }
            }
            serve(properties);
            return SERVING;
        }
        boolean preloadModels;
        try (var catalogue = catalogue()) {
            CommandLine.ParseResult checked;
            try {
                checked = commandLine(catalogue, out, err).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                return usageError(err, e);
            }
            if (CommandLine.printHelpIfRequested(checked)) {
                return CliCommand.OK;
            }
            var command = chosen(checked);
            if (command == null) {
                err.println("pathwise: name a command (see pathwise --help)");
                return CliCommand.USAGE;
            }
            preloadModels = command.usesModels();
        }
        properties.put("pathwise.library.sample-library", "false");
        try (var context = start(properties, preloadModels)) {
            return chosen(commandLine(context, out, err).parseArgs(args)).run(out, err);
        } catch (RuntimeException e) {
            err.println("pathwise: " + failure(e, root.dataDir));
            if (Boolean.getBoolean("pathwise.debug")) {
                e.printStackTrace(err);
            }
            return CliCommand.FAILED;
        }
    }

    /**
     * Runs one of the commands a running service runs for the command line ({@link LocalService}), in the service's
     * application, as {@link #run} would: the same usage errors, help and output. Each run gets its own instance of the
     * command bean, as picocli fills a command's fields with the arguments.
     *
     * @param args the command and its arguments, without the root's options
     */
    static int runInService(ApplicationContext context, PrintWriter out, PrintWriter err, String... args) {
        var name = args.length == 0 ? "" : args[0];
        var type = commands(context).stream()
                .filter(command ->
                        command.getClass().getAnnotation(Command.class).name().equals(name))
                .<Class<? extends CliCommand>>map(CliCommand::getClass)
                .findFirst();
        if (type.isEmpty() || !LocalService.COMMANDS.contains(name)) {
            err.println("pathwise: the service runs only the commands " + LocalService.COMMANDS);
            return CliCommand.USAGE;
        }
        var command = context.getAutowireCapableBeanFactory().createBean(type.get());
        var commandLine = new CommandLine(new Cli(), factory(context))
                .addSubcommand(command)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return usageError(err, e);
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return CliCommand.OK;
        }
        try {
            return command.run(out, err);
        } catch (RuntimeException e) {
            err.println("pathwise: " + rootMessage(e));
            return CliCommand.FAILED;
        }
    }

    /** A command bean: a class annotated with picocli's {@code @Command} and Spring's {@code @Component}. */
    static final TypeFilter COMMAND_BEAN =
            (reader, factory) -> reader.getAnnotationMetadata().hasAnnotation(Command.class.getName())
                    && reader.getAnnotationMetadata().hasAnnotation(Component.class.getName());

    /** How the class of every command bean is named: the catalogue reads only these classes. */
    static final String COMMAND_SUFFIX = "Command";

    /**
     * The catalogue of commands: the modules' command beans, and nothing they use (their {@code ObjectProvider}s are
     * never asked), in a context that starts in a fraction of a second.
     */
    private static AnnotationConfigApplicationContext catalogue() {
        var context = new AnnotationConfigApplicationContext();
        var scanner = new ClassPathBeanDefinitionScanner(context, false);
        // only the classes named as commands are read, not every class of the application
        scanner.setResourcePattern("**/*" + COMMAND_SUFFIX + ".class");
        scanner.addIncludeFilter(COMMAND_BEAN);
        scanner.scan(Cli.class.getPackageName());
        context.refresh();
        return context;
    }

    /** The command line with the context's command beans, made by picocli's Spring factory. */
    private static CommandLine commandLine(ApplicationContext context, PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new Cli(), factory(context));
        var commands = commands(context);
        for (var command : commands) {
            if (command.parent().isEmpty()) {
                commandLine.addSubcommand(command);
            }
        }
        // after their parents' own sub-commands, in the order of their names
        for (var command : commands) {
            command.parent().ifPresent(parent -> {
                var owner = commandLine.getSubcommands().get(parent);
                if (owner == null) {
                    throw new IllegalStateException(
                            command.getClass().getName() + " names the command " + parent + ", which does not exist");
                }
                owner.addSubcommand(command);
            });
        }
        return commandLine.setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * Picocli's Spring factory for the commands, picocli's own for the JDK's types (the lists and maps that options
     * fill), which the Spring factory would look up as beans first and log each miss on stderr.
     */
    private static CommandLine.IFactory factory(ApplicationContext context) {
        var spring = new PicocliSpringFactory(context);
        var plain = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getName().startsWith("java.") ? plain.create(type) : spring.create(type);
            }
        };
    }

    private static CliCommand chosen(CommandLine.ParseResult parsed) {
        var sub = parsed.subcommand();
        return sub != null && sub.commandSpec().userObject() instanceof CliCommand command ? command : null;
    }

    private static int usageError(PrintWriter err, CommandLine.ParameterException e) {
        err.println("pathwise: " + e.getMessage() + " (see pathwise --help)");
        return CliCommand.USAGE;
    }

    /**
     * The modules' sub-commands: their beans annotated with {@link Command}, in the order of their names. A command
     * nested in another is a sub-command of the command that names it, which picocli's Spring factory creates; a
     * command bean with a {@link CliCommand#parent} is a sub-command of that command.
     */
    private static List<CliCommand> commands(ApplicationContext context) {
        return Arrays.stream(context.getBeanNamesForAnnotation(Command.class))
                .map(context::getBean)
                .filter(CliCommand.class::isInstance)
                .map(CliCommand.class::cast)
                .sorted(Comparator.comparing(command ->
                        command.getClass().getAnnotation(Command.class).name()))
                .toList();
    }

    private static void serve(Map<String, Object> properties) {
        var application = new SpringApplication(PathwiseApplication.class);
        application.addListeners(new Overriding(properties));
        application.run();
    }

    /**
     * Puts the command line's options before every other property source, configuration files included, as soon as
     * the environment is made: before the environment's post-processors, which read the data directory and the store
     * (a context initializer would add them after, and the post-processors would see the defaults).
     */
    private record Overriding(Map<String, Object> properties)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            event.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("pathwise-command-line", properties));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /**
     * The application without its web server, with lazy beans. For a command that reads text, the embedding model and
     * the language models start loading as soon as the configuration is read, beside Spring's own start-up.
     */
    private static ConfigurableApplicationContext start(Map<String, Object> properties, boolean preloadModels) {
        return new SpringApplicationBuilder(PathwiseApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                // set on the application itself: spring.main.* is bound before the command line's properties are added
                .lazyInitialization(true)
                .logStartupInfo(false)
                .listeners(new Overriding(properties))
                // defaults, which the configuration may change
                .properties("logging.level.root=OFF", "pathwise.preload-models=" + preloadModels)
                .run();
    }

    /** H2's error code for a database file that another process has open (DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    /** What a command that failed says on its one line of standard error. */
    static String failure(Throwable e, Path dataDir) {
        return heldByAnotherProcess(e) ? inUse(dataDir) : rootMessage(e);
    }

    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static String inUse(Path dataDir) {
        return "the data directory " + (dataDir == null ? "" : dataDir + " ")
                + "is in use by another process, most likely a running Pathwise service (its database file is"
                + " locked); stop the service or give another --data-dir. To evaluate on the service's library, send"
                + " the question set to it: pathwise eval SET --url URL --token TOKEN";
    }

    /** The innermost message of an exception chain, the one that names the real problem, on one line. */
    public static String rootMessage(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
