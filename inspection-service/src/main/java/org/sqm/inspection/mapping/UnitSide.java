package org.sqm.inspection.mapping;

import org.sqm.commons.auth.CallAccess;
import org.sqm.proto.inspection.v1.AssignedInspector;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionMove;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.RectificationMove;
import org.sqm.proto.inspection.v1.RectificationOrder;

/**
 * What the inspected side sees (issue 17: a unit never learns who inspected it): a caller let in only as
 * a unit manager or viewer ({@link CallAccess#onlyAsTheUnit()}) gets inspections and rectification
 * orders without the inspectors' identity. Hidden, as the proto comments of Inspection and
 * RectificationOrder state: each assigned inspector's id and display name (the authority level
 * stays); the actor of every move of an inspection and the note of its START and SUBMIT moves (the
 * inspectors' own); for a mystery shopping inspection the contact's time and scenario (the mode stays):
 * a time pins the shopper on the unit's camera or call log, the scenario is the shopper's free text;
 * the actor of a rectification order's VERIFY moves. Ratings and findings stay whole: they are what
 * the unit has to rectify.
 */
public final class UnitSide {

    private UnitSide() {}

    /** Whether the call being served comes only from the inspected side. */
    public static boolean applies() {
        return CallAccess.current().map(CallAccess::onlyAsTheUnit).orElse(false);
    }

    /** The inspection as the caller may see it. */
    public static Inspection shown(Inspection inspection) {
        if (!applies()) {
            return inspection;
        }
        Inspection.Builder b = inspection.toBuilder();
        for (AssignedInspector.Builder i : b.getInspectorsBuilderList()) {
            i.clearInspectorId().clearDisplayName();
        }
        for (InspectionMove.Builder m : b.getHistoryBuilderList()) {
            m.clearActor();
            if (m.getAction().equals("START") || m.getAction().equals("SUBMIT")) {
                m.clearNote();
            }
        }
        if (b.getKind() == InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING && b.hasMysteryShopping()) {
            b.setMysteryShopping(MysteryShoppingContact.newBuilder()
                    .setMode(b.getMysteryShopping().getMode()));
        }
        return b.build();
    }

    /** The rectification order as the caller may see it. */
    public static RectificationOrder shown(RectificationOrder order) {
        if (!applies()) {
            return order;
        }
        RectificationOrder.Builder b = order.toBuilder();
        for (RectificationMove.Builder m : b.getHistoryBuilderList()) {
            if (m.getAction().equals("VERIFY")) {
                m.clearActor();
            }
        }
        return b.build();
    }
}
