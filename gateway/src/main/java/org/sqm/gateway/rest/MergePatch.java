package org.sqm.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.FieldMask;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqm.gateway.error.InvalidRequestException;

/**
 * A JSON merge patch body: the fields present are the ones to change. Names the update mask for
 * the backend and reads each field with a clear error when its type is wrong.
 */
final class MergePatch {

    private final JsonNode body;
    private final ObjectMapper json;

    /**
     * @param changeable the REST field names that may appear, each with its path in the update mask
     */
    MergePatch(JsonNode body, ObjectMapper json, Map<String, String> changeable, FieldMask.Builder mask) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new InvalidRequestException("body", "must be a JSON object with the fields to change");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            String path = changeable.get(field);
            if (path == null) {
                throw new InvalidRequestException(
                        field, "cannot be changed; changeable are " + String.join(", ", changeable.keySet()));
            }
            mask.addPaths(path);
        }
        this.body = body;
        this.json = json;
    }

    /** REST field names paired with their update-mask paths, in the order given. */
    static Map<String, String> fields(String... restAndMaskPairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < restAndMaskPairs.length; i += 2) {
            fields.put(restAndMaskPairs[i], restAndMaskPairs[i + 1]);
        }
        return fields;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** A string field; null is allowed only where {@code nullable}, and reads as "". */
    String text(String field, boolean nullable) {
        JsonNode value = body.get(field);
        if (value.isNull() && nullable) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, nullable ? "must be a string or null" : "must be a string");
        }
        return value.asText();
    }

    boolean bool(String field) {
        JsonNode value = body.get(field);
        if (!value.isBoolean()) {
            throw new InvalidRequestException(field, "must be true or false");
        }
        return value.asBoolean();
    }

    /** A field of a structured type, read as the create body would read it. */
    <T> T value(String field, Class<T> type) {
        try {
            return json.treeToValue(body.get(field), type);
        } catch (Exception e) {
            throw new InvalidRequestException(field, "has the wrong shape");
        }
    }
}
