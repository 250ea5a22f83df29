package org.sqm.gateway.rest.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.sqm.gateway.error.InvalidRequestException;

/**
 * The changeable fields of one kind of resource, for updates by JSON merge patch (RFC 7396) that
 * become AIP-134 update calls: the fields present in the body are the ones to change. Each is checked
 * and set on the resource's builder, and its path, the REST name in snake case as the proto names
 * it, goes into the update mask. Declared once per resource; {@link #request} builds the update.
 *
 * @param <B> the builder of the resource's proto message
 */
public final class MergePatch<B extends Message.Builder> {

    /** Reads one field's JSON value onto the builder; {@code name} is the field's REST name for errors. */
    private interface Field<B> {
        void set(B resource, JsonNode value, String name, ObjectMapper json);
    }

    private final Map<String, Field<B>> fields = new LinkedHashMap<>();

    /** A string that may not be null. */
    public MergePatch<B> text(String name, BiConsumer<B, String> setter) {
        return field(name, (resource, value, field, json) -> setter.accept(resource, text(value, field, false)));
    }

    /** A string that null clears: the backend gets the empty string. */
    public MergePatch<B> textOrNull(String name, BiConsumer<B, String> setter) {
        return field(name, (resource, value, field, json) -> setter.accept(resource, text(value, field, true)));
    }

    /** true or false. */
    public MergePatch<B> bool(String name, BiConsumer<B, Boolean> setter) {
        return field(name, (resource, value, field, json) -> {
            if (!value.isBoolean()) {
                throw new InvalidRequestException(field, "must be true or false");
            }
            setter.accept(resource, value.booleanValue());
        });
    }

    /** A value of a REST type (an enum, a record), read as the create body reads it; null passes as null. */
    public <T> MergePatch<B> value(String name, Class<T> type, BiConsumer<B, T> setter) {
        return field(name, (resource, value, field, json) -> setter.accept(resource, read(json, value, field, type)));
    }

    /** A list of a REST type, replaced whole; null clears it. */
    public <T> MergePatch<B> list(String name, Class<T> itemType, BiConsumer<B, List<T>> setter) {
        return field(name, (resource, value, field, json) -> {
            if (value.isNull()) {
                setter.accept(resource, List.of());
                return;
            }
            if (!value.isArray()) {
                throw new InvalidRequestException(field, "must be a list");
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(read(json, value.get(i), field + "[" + i + "]", itemType));
            }
            setter.accept(resource, items);
        });
    }

    /**
     * The AIP-134 update request of {@code PATCH …/{id}} with If-Match: its resource field holds the id,
     * the etag and the body's fields, its {@code update_mask} names those fields.
     *
     * @param prototype the default instance of the update request, e.g. {@code UpdateUnitRequest}
     */
    @SuppressWarnings("unchecked") // the resource field's builder is the B this patch is declared for
    public <Q extends Message> Q request(Q prototype, String id, String ifMatch, JsonNode body, ObjectMapper json) {
        Message.Builder request = prototype.toBuilder();
        FieldDescriptor maskField = request.getDescriptorForType().findFieldByName("update_mask");
        FieldDescriptor resourceField = request.getDescriptorForType().getFields().stream()
                .filter(f -> f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.equals(maskField))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(prototype.getDescriptorForType() + " has no resource"));
        Message.Builder resource = request.newBuilderForField(resourceField);
        resource.setField(resource.getDescriptorForType().findFieldByName("id"), id);
        resource.setField(resource.getDescriptorForType().findFieldByName("etag"), Etags.fromIfMatch(ifMatch));
        FieldMask mask = apply(body, (B) resource, json);
        return (Q) request.setField(resourceField, resource.build())
                .setField(maskField, mask)
                .build();
    }

    /**
     * Sets the body's fields on the resource and answers the update mask that names them. A body
     * that is no JSON object with at least one field, or names a field that cannot change, is a 400.
     */
    private FieldMask apply(JsonNode body, B resource, ObjectMapper json) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new InvalidRequestException("body", "must be a JSON object with the fields to change");
        }
        FieldMask.Builder mask = FieldMask.newBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Field<B> field = fields.get(entry.getKey());
            if (field == null) {
                throw new InvalidRequestException(
                        entry.getKey(), "cannot be changed; changeable are " + String.join(", ", fields.keySet()));
            }
            field.set(resource, entry.getValue(), entry.getKey(), json);
            mask.addPaths(snakeCase(entry.getKey()));
        }
        return mask.build();
    }

    private MergePatch<B> field(String name, Field<B> field) {
        fields.put(name, field);
        return this;
    }

    private static String text(JsonNode value, String field, boolean nullable) {
        if (value.isNull() && nullable) {
            return "";
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, nullable ? "must be a string or null" : "must be a string");
        }
        return value.asText();
    }

    private static <T> T read(ObjectMapper json, JsonNode value, String field, Class<T> type) {
        try {
            return json.treeToValue(value, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            throw new InvalidRequestException(field + path, expected(type));
        } catch (Exception e) {
            throw new InvalidRequestException(field, expected(type));
        }
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return "has the wrong shape";
    }

    /** The update-mask path of a REST field: {@code parentId} is {@code parent_id}. */
    static String snakeCase(String restName) {
        StringBuilder path = new StringBuilder();
        for (char c : restName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                path.append('_').append(Character.toLowerCase(c));
            } else {
                path.append(c);
            }
        }
        return path.toString();
    }
}
