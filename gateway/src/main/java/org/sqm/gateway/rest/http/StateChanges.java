package org.sqm.gateway.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.convert.Texts;
import org.sqm.gateway.error.InvalidRequestException;

/**
 * The state changes of one kind of resource, {@code POST …/{id}:{verb}} (AIP-136 custom methods): a
 * table of verb -> backend call, and the one way every verb's request is filled, as gRPC HTTP
 * transcoding fills it: {@code id} from the path, {@code etag} from If-Match, every other field from
 * the JSON body field of its proto JSON name ({@code note}, {@code rootCause}, {@code effective} ...),
 * except {@code actor}, which stays empty: the services record the subject of the caller's token (the
 * field is for service tokens). An unknown verb is 404, like any unknown path.
 *
 * @param <M> the resource's proto message, which every verb answers
 */
public final class StateChanges<M extends Message> {

    /** The request fields that never come from the body. */
    private static final Set<String> NOT_FROM_BODY = Set.of("id", "etag", "actor");

    private final RemoteCalls calls;
    private final String service;
    private final ObjectMapper json;
    private final Function<M, Response> answer;
    private final Map<String, Verb<?, M>> verbs = new HashMap<>();

    /**
     * @param service the backend's name, for {@link RemoteCalls}
     * @param answer  the HTTP answer to the resource a change returns (its view and ETag)
     */
    public StateChanges(RemoteCalls calls, String service, ObjectMapper json, Function<M, Response> answer) {
        this.calls = calls;
        this.service = service;
        this.json = json;
        this.answer = answer;
    }

    /**
     * Adds a verb.
     *
     * @param request  the default instance of the call's request message
     * @param call     the backend call
     * @param required body fields the call cannot do without: proto3 reads an absent number as 0 and an
     *                 absent flag as false, which would mean something else (e.g. a fix not effective)
     */
    public <Q extends Message> StateChanges<M> verb(String verb, Q request, Function<Q, M> call, String... required) {
        verbs.put(verb, new Verb<>(request, call, List.of(required)));
        return this;
    }

    /** Makes the change that {@code change.verb} names. */
    public Response apply(StateChange change, String body) {
        Verb<?, M> verb = verbs.get(change.verb);
        if (verb == null) {
            throw new NotFoundException();
        }
        return answer.apply(verb.call(calls, service, change, verb.takesBody() ? object(body) : null));
    }

    private JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("body", "is not a JSON object of the documented shape");
        }
        if (tree.isNull()) {
            return json.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new InvalidRequestException("body", "is not a JSON object of the documented shape");
        }
        return tree;
    }

    private record Verb<Q extends Message, M>(Q prototype, Function<Q, M> call, List<String> required) {

        boolean takesBody() {
            return prototype.getDescriptorForType().getFields().stream()
                    .anyMatch(f -> !NOT_FROM_BODY.contains(f.getName()));
        }

        M call(RemoteCalls calls, String service, StateChange change, JsonNode body) {
            Q request = request(change, body);
            return calls.write(service, () -> call.apply(request));
        }

        @SuppressWarnings("unchecked") // a builder of Q builds a Q
        private Q request(StateChange change, JsonNode body) {
            Message.Builder request = prototype.toBuilder();
            for (FieldDescriptor field : request.getDescriptorForType().getFields()) {
                switch (field.getName()) {
                    case "id" -> request.setField(field, Texts.nullToEmpty(change.id));
                    case "etag" -> request.setField(field, Etags.fromIfMatch(change.ifMatch));
                    case "actor" -> {
                        // Only a service token's own request names an actor; a person is the token's subject.
                    }
                    default -> {
                        JsonNode value = body.get(field.getJsonName());
                        if (value != null && !value.isNull()) {
                            request.setField(field, scalar(field, value));
                        }
                    }
                }
            }
            for (String field : required) {
                if (body == null || !body.hasNonNull(field)) {
                    throw new InvalidRequestException(field, "is required");
                }
            }
            return (Q) request.build();
        }

        private static Object scalar(FieldDescriptor field, JsonNode value) {
            String name = field.getJsonName();
            return switch (field.getJavaType()) {
                case STRING -> {
                    if (!value.isTextual()) {
                        throw new InvalidRequestException(name, "must be a string");
                    }
                    yield value.textValue();
                }
                case BOOLEAN -> {
                    if (!value.isBoolean()) {
                        throw new InvalidRequestException(name, "must be true or false");
                    }
                    yield value.booleanValue();
                }
                case INT -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                        throw new InvalidRequestException(name, "must be a whole number");
                    }
                    yield value.intValue();
                }
                default -> throw new IllegalStateException(field.getFullName() + " cannot be read from a REST body");
            };
        }
    }
}
