package org.recsys.domain.model.shared;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Stores an ordered list of strings as one JSON array column, portable across H2 and PostgreSQL. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type LIST_TYPE = new ArrayList<String>() { }.getClass().getGenericSuperclass();

    @Override
    public String convertToDatabaseColumn(List<String> attribute) {
        return attribute == null || attribute.isEmpty() ? null : JSONB.toJson(attribute);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new ArrayList<>();
        }
        return JSONB.fromJson(column, LIST_TYPE);
    }
}
