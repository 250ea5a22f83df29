package org.sqm.inspection.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.domain.InspectionKind;
import org.sqm.inspection.domain.RatingEntity;
import org.sqm.inspection.domain.StandardSnapshot;
import org.sqm.inspection.service.InspectionRating.NewRating;

/**
 * What makes a rating valid against a pinned version: exactly one of a level, a score in range or
 * not applicable (with a justification, where the scale allows it), and bounded evidence.
 */
final class RatingRules {

    static final int MAX_RATINGS_PER_CALL = 500;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private RatingRules() {}

    /** Checks a call's ratings, naming every invalid field at once. */
    static void check(List<NewRating> requested, StandardSnapshot standard, InspectionKind kind) {
        Violations v = new Violations();
        v.check(!requested.isEmpty(), "ratings", "needs at least one rating");
        v.check(
                requested.size() <= MAX_RATINGS_PER_CALL,
                "ratings",
                "must hold at most " + MAX_RATINGS_PER_CALL + " ratings");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            check(v, "ratings[" + i + "]", requested.get(i), standard, kind, seen);
        }
        v.throwIfAny();
    }

    private static void check(
            Violations v, String field, NewRating r, StandardSnapshot standard, InspectionKind kind, Set<String> seen) {
        if (Texts.emptyToNull(r.elementCode()) == null) {
            v.check(false, field + ".element_code", "is required");
            return;
        }
        if (standard.element(r.elementCode()).isEmpty()) {
            v.check(false, field + ".element_code", "is not an element of " + standard.label());
            return;
        }
        v.check(seen.add(r.elementCode()), field + ".element_code", "is rated twice in this call");
        boolean level = Texts.emptyToNull(r.levelCode()) != null;
        boolean score = r.score() != null;
        int given = (level ? 1 : 0) + (score ? 1 : 0) + (r.notApplicable() ? 1 : 0);
        v.check(given == 1, field, "set exactly one of level_code, score and not_applicable");
        StandardSnapshot.Scale scale = standard.scale();
        if (r.notApplicable()) {
            v.check(
                    scale.allowNotApplicable(),
                    field + ".not_applicable",
                    "the rating scale of " + standard.label() + " does not allow not applicable");
            v.requireText(field + ".justification", r.justification(), 2000);
        } else {
            v.check(
                    Texts.emptyToNull(r.justification()) == null,
                    field + ".justification",
                    "is only for not-applicable ratings");
        }
        if (level) {
            v.check(
                    !scale.numeric(),
                    field + ".level_code",
                    "the scale of " + standard.label() + " is numeric: send a score");
            v.check(
                    scale.numeric() || scale.level(r.levelCode()).isPresent(),
                    field + ".level_code",
                    "is not a level of the scale; one of "
                            + scale.levels().stream()
                                    .map(StandardSnapshot.Level::code)
                                    .collect(Collectors.joining(", ")));
        }
        if (score) {
            v.check(
                    scale.numeric(),
                    field + ".score",
                    "the scale of " + standard.label() + " has levels: send a level_code");
            v.check(
                    !scale.numeric() || (r.score() >= scale.minScore() && r.score() <= scale.maxScore()),
                    field + ".score",
                    "must be between " + scale.minScore() + " and " + scale.maxScore());
        }
        v.maxLength(field + ".evidence_notes", r.evidenceNotes(), 10_000);
        v.maxLength(field + ".observations", r.observations(), 10_000);
        attachments(v, field, r.attachments());
        interviews(v, field, r.interviews(), kind);
    }

    private static void attachments(Violations v, String field, List<RatingEntity.Attachment> attachments) {
        v.check(attachments.size() <= 20, field + ".attachments", "must hold at most 20 attachments");
        for (int a = 0; a < attachments.size(); a++) {
            RatingEntity.Attachment att = attachments.get(a);
            String f = field + ".attachments[" + a + "]";
            v.check(isAbsoluteUri(att.uri()), f + ".uri", "must be an absolute URI of at most 2000 characters");
            v.check(
                    att.sha256() != null && SHA256.matcher(att.sha256()).matches(),
                    f + ".sha256",
                    "must be 64 lowercase hex digits");
        }
    }

    private static void interviews(
            Violations v, String field, List<RatingEntity.Interview> interviews, InspectionKind kind) {
        v.check(interviews.size() <= 50, field + ".interviews", "must hold at most 50 interviews");
        v.check(
                interviews.isEmpty()
                        || kind == InspectionKind.ON_SITE_ASSESSMENT
                        || kind == InspectionKind.INTERNAL_AUDIT,
                field + ".interviews",
                "interviews are recorded in on-site assessments and internal audits only");
        for (int n = 0; n < interviews.size(); n++) {
            RatingEntity.Interview interview = interviews.get(n);
            String f = field + ".interviews[" + n + "]";
            v.requireEnum(f + ".group", interview.group() != null);
            v.requireText(f + ".note", interview.note(), 4000);
        }
    }

    private static boolean isAbsoluteUri(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > 2000) {
            return false;
        }
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
