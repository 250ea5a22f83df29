package org.sqm.gateway.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.extensions.Extensions;

/**
 * The RPC a REST operation stands for, as its resource method names it:
 * {@code @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/GetComplaint")}. A
 * state-change operation ({@code POST …/{id}:{verb}}) stands for one RPC per verb and names them as a
 * JSON object, {@code parseValue = true}: {@code {"start": "sqm.inspection.v1.InspectionService/StartInspection", …}}.
 *
 * @param rpcs the RPC per verb; the key is {@link #ANY} for an operation that stands for one RPC
 */
public record RpcRule(Map<String, String> rpcs) {

    /** The OpenAPI extension that names the RPC. */
    public static final String EXTENSION = "x-sqm-rpc";

    /** The key of the one RPC of an operation without verbs. */
    public static final String ANY = "";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the operation stands for one RPC per verb (its path's {@code verb} parameter). */
    public boolean byVerb() {
        return !rpcs.containsKey(ANY);
    }

    /** The RPC for a request with this verb (ignored when the operation has no verbs); empty for an unknown verb. */
    public Optional<String> rpc(String verb) {
        return Optional.ofNullable(byVerb() ? rpcs.get(verb == null ? "" : verb) : rpcs.get(ANY));
    }

    /** Every RPC the operation may call, one per verb. */
    public Collection<String> all() {
        return rpcs.values();
    }

    /** The rule a resource method names, if it names one. */
    public static Optional<RpcRule> of(Method method) {
        Extensions many = method.getAnnotation(Extensions.class);
        Extension[] extensions = many != null
                ? many.value()
                : method.isAnnotationPresent(Extension.class)
                        ? new Extension[] {method.getAnnotation(Extension.class)}
                        : new Extension[0];
        for (Extension extension : extensions) {
            if (extension.name().equals(EXTENSION)) {
                return Optional.of(extension.parseValue() ? parse(extension.value()) : single(extension.value()));
            }
        }
        return Optional.empty();
    }

    /** The rule of an operation's extension value in the OpenAPI model: a string, or a verb -> RPC map. */
    public static Optional<RpcRule> of(Object extensionValue) {
        if (extensionValue instanceof String rpc) {
            return Optional.of(single(rpc));
        }
        if (extensionValue instanceof Map<?, ?> map) {
            Map<String, String> rpcs = new LinkedHashMap<>();
            map.forEach((verb, rpc) -> rpcs.put(String.valueOf(verb), String.valueOf(rpc)));
            return Optional.of(new RpcRule(rpcs));
        }
        return Optional.empty();
    }

    private static RpcRule single(String rpc) {
        return new RpcRule(Map.of(ANY, rpc.trim()));
    }

    private static RpcRule parse(String json) {
        try {
            return new RpcRule(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(EXTENSION + " is not a JSON object of verb -> RPC: " + json, e);
        }
    }
}
