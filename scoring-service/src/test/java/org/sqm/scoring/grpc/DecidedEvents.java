package org.sqm.scoring.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sqm.scoring.service.AccreditationDecided;

/** Records every {@link AccreditationDecided} the tests' decisions fire, as the certification cycle would see it. */
@ApplicationScoped
public class DecidedEvents {

    /** The facts of every event fired, oldest first. */
    public static final List<AccreditationDecided.Facts> FIRED = new CopyOnWriteArrayList<>();

    void decided(@Observes AccreditationDecided event) {
        FIRED.add(event.facts());
    }
}
