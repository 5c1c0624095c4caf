package org.pathwise;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    @Command(name = "serve", description = "Start the web service (the default command).")
    static final class Serve implements Runnable {
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
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var root = new Cli();
        var commandLine = new CommandLine(root);
        for (var command : commands()) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(out).setErr(err).setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("pathwise: " + e.getMessage() + " (see pathwise --help)");
            return CliCommand.USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return CliCommand.OK;
        }
        var properties = new HashMap<String, Object>();
        if (root.dataDir != null) {
            properties.put("pathwise.data-dir", root.dataDir.toString());
        }
        var sub = parsed.subcommand();
        if (sub == null || sub.commandSpec().userObject() instanceof Serve) {
            serve(properties);
            return SERVING;
        }
        var command = (CliCommand) sub.commandSpec().userObject();
        properties.put("pathwise.library.sample-library", "false");
        try (var context = start(properties, WebApplicationType.NONE)) {
            return command.run(context, out, err);
        } catch (RuntimeException e) {
            err.println("pathwise: " + rootMessage(e));
            if (Boolean.getBoolean("pathwise.debug")) {
                e.printStackTrace(err);
            }
            return CliCommand.FAILED;
        }
    }

    /**
     * The feature modules' sub-commands: every {@link CliCommand} annotated with {@link Command} under this package,
     * found by scanning so that the command line does not depend on the modules.
     */
    private static java.util.List<Object> commands() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(CliCommand.class));
        return scanner.findCandidateComponents(Cli.class.getPackageName()).stream()
                .map(definition -> definition.getBeanClassName())
                .filter(name -> !name.startsWith(Cli.class.getName()))
                // a nested command is a sub-command of the command it is nested in, which names it
                .filter(name -> !name.contains("$"))
                .sorted(Comparator.naturalOrder())
                .map(Cli::instantiate)
                .toList();
    }

    private static Object instantiate(String className) {
        try {
            var type = Class.forName(className);
            if (!CliCommand.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " is annotated @Command but is not a CliCommand");
            }
            // a module's commands are its own, not part of its API: not public
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("can't create the command " + className + ": " + e.getMessage(), e);
        }
    }

    private static void serve(Map<String, Object> properties) {
        var application = new SpringApplication(PathwiseApplication.class);
        application.addInitializers(overriding(properties));
        application.run();
    }

    /** Command-line options win over every other property source, configuration files included. */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> overriding(
            Map<String, Object> properties) {
        return context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("pathwise-command-line", properties));
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties, WebApplicationType type) {
        return new SpringApplicationBuilder(PathwiseApplication.class)
                .web(type)
                .bannerMode(Banner.Mode.OFF)
                // set on the application itself: spring.main.* is bound before the command line's properties are added
                .lazyInitialization(true)
                .logStartupInfo(false)
                .initializers(overriding(properties))
                .properties("logging.level.root=OFF")
                .run();
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
