package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.proto.inspection.v1.InspectionOrigin;
import org.sqm.proto.inspection.v1.OriginFigure;

/** The JSON shape of an inspection's origin (why another system requested it) and its translation. */
final class InspectionOrigins {

    private InspectionOrigins() {}

    /** Why another system requested an inspection, with the figures behind it; never changes. */
    @Schema(name = "InspectionOrigin")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OriginView(
            @Schema(required = true, examples = "scoring-service/spot-checks", description = "1 to 100 characters")
                    String requestedBy,
            @Schema(required = true, description = "The requester's own reference; 1 to 200 characters")
                    String reference,
            @Schema(required = true, description = "Why, in words; 1 to 2000 characters") String reason,
            @Schema(description = "The figures behind the request, at most 20") List<FigureView> figures) {}

    /** One figure behind a requested inspection. */
    @Schema(name = "OriginFigure")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FigureView(
            @Schema(required = true, examples = "complaint rate per 10 000 customers") String name,
            @Schema(examples = "2026-03", description = "At most 20 characters") String period,
            @Schema(required = true) Double value) {}

    static OriginView view(InspectionOrigin o) {
        return new OriginView(
                o.getRequestedBy(),
                o.getReference(),
                o.getReason(),
                o.getFiguresList().stream()
                        .map(f -> new FigureView(f.getName(), emptyToNull(f.getPeriod()), f.getValue()))
                        .toList());
    }

    static InspectionOrigin proto(OriginView body) {
        InspectionOrigin.Builder o = InspectionOrigin.newBuilder()
                .setRequestedBy(nullToEmpty(body.requestedBy()))
                .setReference(nullToEmpty(body.reference()))
                .setReason(nullToEmpty(body.reason()));
        if (body.figures() != null) {
            for (FigureView f : body.figures()) {
                if (f != null) {
                    o.addFigures(OriginFigure.newBuilder()
                            .setName(nullToEmpty(f.name()))
                            .setPeriod(nullToEmpty(f.period()))
                            .setValue(f.value() == null ? 0 : f.value()));
                }
            }
        }
        return o.build();
    }
}
