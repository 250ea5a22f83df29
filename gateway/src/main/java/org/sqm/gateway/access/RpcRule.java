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
 * An RPC whose proto is not ours and cannot carry the access option (google.longrunning.Operations)
 * names, as {@code x-sqm-access-of}, the RPC of ours whose rule its service applies to it.
 *
 * @param rpcs     the RPC per verb; the key is {@link #ANY} for an operation that stands for one RPC
 * @param accessOf the RPC whose access rule applies instead of the called RPC's, or null
 */
public record RpcRule(Map<String, String> rpcs, String accessOf) {

    /** The OpenAPI extension that names the RPC. */
    public static final String EXTENSION = "x-sqm-rpc";

    /** The OpenAPI extension that names the RPC whose rule applies, when the called RPC's proto is not ours. */
    public static final String ACCESS_OF = "x-sqm-access-of";

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

    /** The RPC whose proto option decides who may call {@code rpc} through this operation. */
    public String decider(String rpc) {
        return accessOf != null ? accessOf : rpc;
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
        Map<String, String> rpcs = null;
        String accessOf = null;
        for (Extension extension : extensions) {
            if (extension.name().equals(EXTENSION)) {
                rpcs = extension.parseValue()
                        ? parse(extension.value())
                        : Map.of(ANY, extension.value().trim());
            } else if (extension.name().equals(ACCESS_OF)) {
                accessOf = extension.value().trim();
            }
        }
        return rpcs == null ? Optional.empty() : Optional.of(new RpcRule(rpcs, accessOf));
    }

    /**
     * The rule of an operation's extensions in the OpenAPI model: {@code x-sqm-rpc} a string or a verb ->
     * RPC map, and {@code x-sqm-access-of} if present.
     */
    public static Optional<RpcRule> of(Map<String, Object> extensions) {
        if (extensions == null) {
            return Optional.empty();
        }
        Object accessOf = extensions.get(ACCESS_OF);
        String decider = accessOf instanceof String s ? s.trim() : null;
        Object value = extensions.get(EXTENSION);
        if (value instanceof String rpc) {
            return Optional.of(new RpcRule(Map.of(ANY, rpc.trim()), decider));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> rpcs = new LinkedHashMap<>();
            map.forEach((verb, rpc) -> rpcs.put(String.valueOf(verb), String.valueOf(rpc)));
            return Optional.of(new RpcRule(rpcs, decider));
        }
        return Optional.empty();
    }

    private static Map<String, String> parse(String json) {
        try {
            return (JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(EXTENSION + " is not a JSON object of verb -> RPC: " + json, e);
        }
    }
}
