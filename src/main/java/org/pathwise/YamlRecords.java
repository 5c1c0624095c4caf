package org.pathwise;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads YAML into records with Jackson, turning every failure into an {@link Invalid} that says what to fix and on
 * which line: a syntax error, a duplicate or unknown key, a value of the wrong shape, an unknown choice of an enum,
 * and (through {@link #check}) a Jakarta Bean Validation constraint. Keys appear once, unknown keys are refused unless
 * a record says otherwise ({@code @JsonIgnoreProperties(ignoreUnknown = true)}), a single value is read as a list of
 * one, enum values are matched without regard to case, and aliases ({@code *name}) are refused.
 */
public final class YamlRecords {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    /** Built on first use: a reader that never checks constraints does not pay for a validator. */
    private static final class Validators {
        static final Validator VALIDATOR =
                Validation.buildDefaultValidatorFactory().getValidator();
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

    private YamlRecords() {}

    /** YAML that can't be used: the 1-based line at fault (0 when unknown) and what to fix. */
    public static final class Invalid extends RuntimeException {

        private final int line;
        private final String reason;

        public Invalid(int line, String reason) {
            super((line > 0 ? "line " + line + ": " : "") + reason);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Reads one document as {@code type}; empty when the document holds nothing (or only comments).
     *
     * @param names names a record type in messages about its unknown keys: "rule" gives "unknown rule key 'x'"
     * @throws Invalid naming the line at fault and what to fix
     */
    public static <T> Optional<T> read(String text, Class<T> type, Function<Class<?>, String> names) {
        return read(text, MAPPER.constructType(type), names);
    }

    /** Reads one document as a generic type such as a list of records. */
    public static <T> Optional<T> read(String text, TypeReference<T> type, Function<Class<?>, String> names) {
        return read(text, MAPPER.constructType(type), names);
    }

    /** Binds plain values (a submitted form, say) to {@code type} with the same checks and messages. */
    public static <T> T convert(Object value, Class<T> type, Function<Class<?>, String> names) {
        try {
            return MAPPER.convertValue(value, type);
        } catch (JacksonException e) {
            throw invalid(e, names, Map.of());
        } catch (IllegalArgumentException e) {
            throw e.getCause() instanceof JacksonException cause
                    ? invalid(cause, names, Map.of())
                    : new Invalid(0, String.valueOf(e.getMessage()));
        }
    }

    private static <T> Optional<T> read(String text, JavaType type, Function<Class<?>, String> names) {
        // a first pass over every token reports a syntax error or a duplicate key as such, before a value of the wrong
        // shape, and notes the line of every key: Jackson reports an unknown key of a record only at the record's end
        var keyLines = new HashMap<String, Integer>();
        try {
            try (var parser = MAPPER.createParser(text)) {
                if (parser.nextToken() == null) {
                    return Optional.empty();
                }
                for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                        // an alias would be read as its name; one that repeats a repeated list is a "billion laughs"
                        throw new Invalid(
                                line(parser.currentTokenLocation()),
                                "invalid YAML: aliases (*" + parser.getString() + ") are not accepted; write the value"
                                        + " out");
                    }
                    if (token == JsonToken.PROPERTY_NAME) {
                        keyLines.putIfAbsent(
                                parser.streamReadContext().pathAsPointer().toString(),
                                line(parser.currentTokenLocation()));
                    }
                }
            }
            try (var parser = MAPPER.createParser(text)) {
                return Optional.of(MAPPER.readerFor(type).readValue(parser));
            }
        } catch (JacksonException e) {
            throw invalid(e, names, keyLines);
        }
    }

    /**
     * Checks a record read from YAML against its Bean Validation constraints; the first broken one (in the order of
     * the record's components) is reported on the record's line with the constraint's message.
     */
    public static void check(Located<?> located) {
        var violations = Validators.VALIDATOR.validate(located.value());
        var components = Arrays.stream(located.value().getClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .toList();
        violations.stream()
                .min(Comparator.comparingInt((ConstraintViolation<?> v) ->
                        components.indexOf(v.getPropertyPath().toString())))
                .ifPresent(v -> {
                    throw new Invalid(located.line(), v.getMessage());
                });
    }

    /** The YAML text of a value, block style, without a document marker. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    private static Invalid invalid(
            JacksonException e, Function<Class<?>, String> names, Map<String, Integer> keyLines) {
        if (e.getCause() instanceof MarkedYamlEngineException syntax) {
            // the construct being read (an unclosed bracket, say) names the fault better than where reading failed
            var mark = syntax.getContextMark().or(syntax::getProblemMark);
            return new Invalid(
                    mark.map(Mark::getLine).map(l -> l + 1).orElse(0),
                    "invalid YAML: " + firstLine(syntax.getProblem()));
        }
        int line = line(e.getLocation());
        var field = field(e);
        return switch (e) {
            case UnrecognizedPropertyException unknown -> {
                var what = names.apply(unknown.getReferringClass());
                yield new Invalid(
                        keyLines.getOrDefault(pointer(unknown), line),
                        "unknown " + (what == null || what.isEmpty() ? "" : what + " ") + "key '"
                                + unknown.getPropertyName() + "'; expected one of "
                                + String.join(
                                        ", ",
                                        unknown.getKnownPropertyIds().stream()
                                                .map(String::valueOf)
                                                .sorted()
                                                .toList()));
            }
            case InvalidFormatException format
            when format.getTargetType() != null && format.getTargetType().isEnum() ->
                new Invalid(
                        line,
                        "unknown " + key(e) + " '" + format.getValue() + "'; expected one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(format.getTargetType().getEnumConstants())
                                                .map(c -> c.toString().toLowerCase(Locale.ROOT))
                                                .toList()));
            case InvalidFormatException format
            when isNumber(format.getTargetType()) ->
                new Invalid(line, field + " must be a number, got '" + format.getValue() + "'");
            case ValueInstantiationException instantiation
            when instantiation.getCause() != null ->
                new Invalid(line, String.valueOf(instantiation.getCause().getMessage()));
            case MismatchedInputException mismatch -> new Invalid(line, field + " must be " + shape(mismatch));
            default -> {
                var duplicate = DUPLICATE.matcher(e.getOriginalMessage());
                yield duplicate.find()
                        ? new Invalid(line, "the key '" + duplicate.group(1) + "' appears twice")
                        : new Invalid(line, "invalid YAML: " + firstLine(e.getOriginalMessage()));
            }
        };
    }

    /** The JSON pointer of an unknown key, as the first pass noted it: {@code /rules/0/mesage}. */
    private static String pointer(UnrecognizedPropertyException e) {
        var pointer = new StringBuilder();
        for (var reference : e.getPath()) {
            var name = reference.getPropertyName();
            pointer.append('/')
                    .append(name != null ? name.replace("~", "~0").replace("/", "~1") : reference.getIndex());
        }
        var last = e.getPath().isEmpty() ? null : e.getPath().getLast().getPropertyName();
        if (!e.getPropertyName().equals(last)) {
            pointer.append('/').append(e.getPropertyName().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String shape(MismatchedInputException e) {
        var type = e.getTargetType();
        if (type == null || type == Object.class) {
            return "a different kind of value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        if (isNumber(type)) {
            return "a number";
        }
        return "a single value";
    }

    private static boolean isNumber(Class<?> type) {
        return type != null
                && (Number.class.isAssignableFrom(type)
                        || type == int.class
                        || type == double.class
                        || type == long.class);
    }

    /** The key the failure is about, quoted, or the list it is an item of: {@code 'rules'}, {@code an item of 'rules'}. */
    private static String field(JacksonException e) {
        var path = e.getPath();
        for (int i = path.size() - 1; i >= 0; i--) {
            var name = path.get(i).getPropertyName();
            if (name != null) {
                return i == path.size() - 1 ? "'" + name + "'" : "an item of '" + name + "'";
            }
        }
        return "the document";
    }

    /** The innermost key the failure is about, unquoted. */
    private static String key(JacksonException e) {
        return e.getPath().reversed().stream()
                .map(JacksonException.Reference::getPropertyName)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse("value");
    }

    private static int line(TokenStreamLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse(text).strip();
    }
}
