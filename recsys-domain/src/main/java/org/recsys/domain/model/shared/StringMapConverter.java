package org.recsys.domain.model.shared;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores free-form string attributes as one JSON object column, portable across H2 and PostgreSQL. */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type MAP_TYPE = new LinkedHashMap<String, String>() { }.getClass().getGenericSuperclass();

    @Override
    public String convertToDatabaseColumn(Map<String, String> attribute) {
        return attribute == null || attribute.isEmpty() ? null : JSONB.toJson(attribute);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new LinkedHashMap<>();
        }
        return JSONB.fromJson(column, MAP_TYPE);
    }
}
