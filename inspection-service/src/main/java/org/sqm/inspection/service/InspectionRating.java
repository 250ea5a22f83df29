package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sqm.commons.convert.Texts;
import org.sqm.inspection.config.Clocks;
import org.sqm.inspection.domain.InspectionEntity;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.repository.PinnedStandardRepository;
import org.sqm.inspection.repository.RatingRepository;

/** Rates the elements of an inspection against its pinned version, all or nothing per call. */
@ApplicationScoped
@Transactional
public class InspectionRating {

    private final RatingRepository ratings;
    private final PinnedStandardRepository pinned;
    private final InspectionLocks locks;
    private final InspectionViews views;

    private final Clock clock;

    public InspectionRating(
            RatingRepository ratings,
            PinnedStandardRepository pinned,
            InspectionLocks locks,
            InspectionViews views,
            Clock clock) {
        this.ratings = ratings;
        this.pinned = pinned;
        this.locks = locks;
        this.views = views;
        this.clock = clock;
    }

    /** A rating as the caller sends it. */
    public record NewRating(
            String elementCode,
            String levelCode,
            Integer score,
            boolean notApplicable,
            String justification,
            String evidenceNotes,
            List<RatingEntity.Attachment> attachments,
            String observations,
            List<RatingEntity.Interview> interviews) {}

    /** Sets ratings, all or nothing; the inspection row is locked for the call. */
    public InspectionView rate(String id, List<NewRating> requested) {
        InspectionEntity e = locks.forRating(id);
        StandardSnapshot standard = pinned.snapshot(e.standardId);
        RatingRules.check(requested, standard, e.kind);
        Instant now = Clocks.now(clock);
        for (NewRating r : requested) {
            RatingEntity rating = ratings.findById(new RatingEntity.Key(e.id, r.elementCode()));
            boolean fresh = rating == null;
            if (fresh) {
                rating = new RatingEntity();
                rating.inspectionId = e.id;
                rating.elementCode = r.elementCode();
                rating.position = standard.position(r.elementCode());
            }
            apply(rating, r, standard, now);
            if (fresh) {
                ratings.persist(rating);
            }
        }
        e.updateTime = now;
        return views.flushed(e);
    }

    /** A valid rating on the entity: what was given, and whether and by how many points it meets the requirement. */
    private static void apply(RatingEntity rating, NewRating r, StandardSnapshot standard, Instant now) {
        StandardSnapshot.Scale scale = standard.scale();
        rating.levelCode = r.notApplicable() || scale.numeric() ? null : r.levelCode();
        rating.score = r.notApplicable() || !scale.numeric() ? null : r.score();
        rating.notApplicable = r.notApplicable();
        rating.justification = r.notApplicable() ? r.justification().strip() : null;
        rating.evidenceNotes = Texts.emptyToNull(r.evidenceNotes());
        rating.attachments = List.copyOf(r.attachments());
        rating.observations = Texts.emptyToNull(r.observations());
        rating.interviews = List.copyOf(r.interviews());
        if (r.notApplicable()) {
            rating.meetsRequirement = true;
            rating.points = 0;
        } else if (scale.numeric()) {
            rating.meetsRequirement = r.score() >= scale.passScore();
            rating.points = r.score();
        } else {
            StandardSnapshot.Level level = scale.level(r.levelCode()).orElseThrow();
            rating.meetsRequirement = level.meetsRequirement();
            rating.points = level.points();
        }
        rating.updateTime = now;
    }
}
