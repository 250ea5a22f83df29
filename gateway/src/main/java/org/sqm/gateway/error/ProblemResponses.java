package org.sqm.gateway.error;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every REST operation can give in one place, instead of on every resource:
 * invalid input (400), a missing resource (404), a service behind the gateway down (503) or too slow
 * (504), and our own fault (500), each an RFC 9457 problem. A resource documents only what is its own
 * (e.g. which conflicts a 409 means); what it documents is never overwritten.
 */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "400", "Invalid input; `errors` names every invalid field",
            "404", "No resource has this id",
            "500", "A fault of ours; the body carries only an incident id",
            "503", "A service behind the gateway is unavailable; retry later",
            "504", "A service behind the gateway did not answer within the deadline");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ProblemResponses::document);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        EVERY_OPERATION.forEach((code, description) -> {
            if (!responses.hasAPIResponse(code)) {
                responses.addAPIResponse(
                        code,
                        OASFactory.createAPIResponse().description(description).content(problem()));
            }
        });
    }

    private static Content problem() {
        MediaType body =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, body);
    }
}
