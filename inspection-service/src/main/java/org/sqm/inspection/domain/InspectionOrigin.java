package org.sqm.inspection.domain;

import java.util.List;

/**
 * Why another system requested an inspection, with the figures behind it; stored with the inspection
 * at create and never changed.
 */
public record InspectionOrigin(String requestedBy, String reference, String reason, List<Figure> figures) {

    public InspectionOrigin {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** One figure behind the request; period empty when it belongs to none. */
    public record Figure(String name, String period, double value) {}

    /** A stable text of every field, for the create's request fingerprint. */
    public String canonical() {
        StringBuilder b = new StringBuilder()
                .append(requestedBy)
                .append('\u0000')
                .append(reference)
                .append('\u0000')
                .append(reason);
        for (Figure f : figures) {
            b.append('\u0000')
                    .append(f.name())
                    .append('\u0001')
                    .append(f.period())
                    .append('\u0001');
            b.append(Double.doubleToLongBits(f.value()));
        }
        return b.toString();
    }
}
