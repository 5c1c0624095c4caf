package org.pathwise;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A value read from YAML with the 1-based line it starts on. A record read by {@link YamlRecords} declares a component
 * as {@code Located<T>} where a check made after reading (an unknown id, a duplicate, a number out of range) must
 * still name the line at fault.
 */
@JsonDeserialize(using = Located.Reader.class)
public record Located<T>(T value, int line) {

    /** Reads the value as its declared type, noting the line of its first token. */
    static final class Reader extends ValueDeserializer<Located<?>> {

        private final JavaType valueType;

        Reader() {
            this(null);
        }

        private Reader(JavaType valueType) {
            this.valueType = valueType;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            var type = context.getContextualType() != null ? context.getContextualType() : property.getType();
            return new Reader(type.containedTypeOrUnknown(0));
        }

        @Override
        public Located<?> deserialize(JsonParser parser, DeserializationContext context) {
            int line = Math.max(0, parser.currentTokenLocation().getLineNr());
            return new Located<>(context.readValue(parser, valueType), line);
        }
    }
}
