package org.sqm.scoring.service;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.scoring.v1.ChildScore;
import org.sqm.proto.scoring.v1.ComponentScore;
import org.sqm.proto.scoring.v1.DeductionApplied;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.InputKind;
import org.sqm.proto.scoring.v1.InputRef;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.SubPeriodScore;
import org.sqm.scoring.service.ScorecardInputs.CardRef;
import org.sqm.scoring.service.ScorecardInputs.Child;
import org.sqm.scoring.service.ScorecardInputs.Month;
import org.sqm.scoring.service.ScorecardInputs.SubPeriod;
import org.sqm.scoring.service.ScorecardInputs.UnitInfo;
import org.sqm.scoring.service.ScorecardInputs.Violation;

/**
 * Computes a scorecard from a scoring model and gathered inputs, point by point, with no database
 * and no remote call: the same model and inputs always give the same explanation bytes and the same
 * fingerprint (fixed orders throughout, doubles never rounded).
 */
public final class ScorecardCalculator {

    private static final JsonFormat.Printer JSON =
            JsonFormat.printer().omittingInsignificantWhitespace().preservingProtoFieldNames();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final Comparator<InputRef> INPUT_ORDER =
            Comparator.comparing((InputRef i) -> i.getKind().getNumber()).thenComparing(InputRef::getId);

    private ScorecardCalculator() {}

    /** A unit's month under a component model or a roll-up model (children used only by the latter). */
    public static Scorecard month(
            ScoringModel model, UnitInfo unit, String period, Month inputs, List<Child> children) {
        Scorecard.Builder card = header(model, unit, period);
        List<String> reasons = new ArrayList<>();
        Double weighted =
                model.hasRollUp() ? rollUp(model, children, card, reasons) : components(model, inputs, card, reasons);
        double deducted = deductions(model, inputs.violations(), card);
        if (weighted != null) {
            card.setWeightedScore(weighted);
            double score = Math.max(0, weighted * model.getBaseScore() / 100 - deducted);
            scored(model, card, score);
        } else {
            card.setStatus(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA).addAllInsufficientDataReasons(reasons);
        }
        return finish(card);
    }

    /** A quarter from its months or a year from its quarters: the mean of the sub-periods with a score. */
    public static Scorecard average(ScoringModel model, UnitInfo unit, String period, List<SubPeriod> subs) {
        Scorecard.Builder card = header(model, unit, period);
        boolean respread = model.getMissingSourcePolicy() == MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD;
        List<String> reasons = new ArrayList<>();
        double sum = 0;
        int present = 0;
        for (SubPeriod sub : subs) {
            SubPeriodScore.Builder s = SubPeriodScore.newBuilder().setPeriod(sub.period());
            CardRef ref = sub.card();
            if (ref != null) {
                s.setScorecardId(ref.id());
            }
            if (ref != null && ref.score() != null) {
                s.setScore(ref.score()).setPresent(true);
                sum += ref.score();
                present++;
            } else {
                String why = ref == null ? "no scorecard" : "insufficient data";
                s.setMissingReason(why);
                reasons.add(sub.period() + ": " + why);
            }
            card.addSubPeriods(s);
        }
        if (present == 0 || (!respread && present < subs.size())) {
            if (present == 0) {
                reasons.add("no " + (subs.size() == 3 ? "month" : "quarter") + " with a score");
            }
            card.setStatus(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA).addAllInsufficientDataReasons(reasons);
        } else {
            double mean = sum / present;
            card.setWeightedScore(mean);
            scored(model, card, mean);
        }
        return finish(card);
    }

    /** The explanation of a scorecard: itself without id, operation, compute time and the run's scorecard ids. */
    public static String explanation(Scorecard card) {
        Scorecard.Builder canonical =
                card.toBuilder().clearId().clearOperation().clearComputeTime().clearExplanation();
        // Child and sub-period scorecards get new ids in every run; what they say is in their scores.
        canonical.getChildrenBuilderList().forEach(ChildScore.Builder::clearScorecardId);
        canonical.getSubPeriodsBuilderList().forEach(SubPeriodScore.Builder::clearScorecardId);
        try {
            return JSON.print(canonical);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored explanation as the scorecard it describes (without id, operation and compute time). */
    public static Scorecard.Builder parse(String explanation) {
        Scorecard.Builder card = Scorecard.newBuilder();
        try {
            PARSER.merge(explanation, card);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored explanation does not parse", e);
        }
        return card.setExplanation(explanation);
    }

    private static Scorecard.Builder header(ScoringModel model, UnitInfo unit, String period) {
        return Scorecard.newBuilder()
                .setUnitId(unit.id())
                .setUnitCode(unit.code())
                .setUnitName(unit.name())
                .setUnitType(unit.type())
                .setParentUnitId(unit.parentId())
                .setLevel(unit.level())
                .setPeriod(period)
                .setModelId(model.getId())
                .setModelCode(model.getCode())
                .setModelVersion(model.getVersion())
                .setBaseScore(model.getBaseScore());
    }

    private static void scored(ScoringModel model, Scorecard.Builder card, double score) {
        card.setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED).setScore(score).setGrade(grade(model, score));
    }

    /** The first band, by descending minimum, whose minimum the score reaches. */
    static String grade(ScoringModel model, double score) {
        return model.getGradeBandsList().stream()
                .sorted(Comparator.comparingDouble(GradeBand::getMinScore).reversed())
                .filter(b -> b.getMinScore() <= score)
                .map(GradeBand::getGrade)
                .findFirst()
                .orElse("");
    }

    private static Scorecard finish(Scorecard.Builder card) {
        card.setInputsFingerprint(fingerprint(card));
        return card.setExplanation(explanation(card.build())).build();
    }

    /** SHA-256 of the model version, the period and every input (kind, id, value) in the card's order. */
    static String fingerprint(Scorecard.Builder card) {
        StringBuilder text = new StringBuilder()
                .append("model\t")
                .append(card.getModelId())
                .append("\nperiod\t")
                .append(card.getPeriod())
                .append('\n');
        for (ComponentScore c : card.getComponentsList()) {
            for (InputRef i : c.getInputsList()) {
                line(text, i.getKind().name(), i.getId(), i.getValue());
            }
        }
        for (ChildScore c : card.getChildrenList()) {
            // A child by what it is, not by its scorecard's id (new in every run).
            line(text, "CHILD", c.getUnitId(), c.hasScore() ? c.getScore() : Double.NaN);
            line(text, "CHILD_CUSTOMERS", c.getUnitId(), c.getCustomersServed());
        }
        for (SubPeriodScore s : card.getSubPeriodsList()) {
            line(text, "SUB_PERIOD", s.getPeriod(), s.hasScore() ? s.getScore() : Double.NaN);
        }
        for (DeductionApplied d : card.getDeductionsList()) {
            line(text, InputKind.INPUT_KIND_VIOLATION.name(), d.getViolationId(), d.getPoints());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(StringBuilder text, String kind, String id, double value) {
        text.append(kind).append('\t').append(id).append('\t').append(value).append('\n');
    }

    // ---- components ------------------------------------------------------------------------------

    private static Double components(ScoringModel model, Month inputs, Scorecard.Builder card, List<String> reasons) {
        // Complaint statistics are identified by unit and period.
        String statisticsId = card.getUnitId() + "/" + card.getPeriod();
        boolean respread = model.getMissingSourcePolicy() == MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD;
        List<ComponentScore.Builder> built = new ArrayList<>();
        int presentWeight = 0;
        for (ScoreComponent component : model.getComponentsList()) {
            ComponentSources.Raw raw = ComponentSources.raw(component, inputs, respread, statisticsId);
            ComponentScore.Builder c = ComponentScore.newBuilder()
                    .setCode(component.getCode())
                    .setName(component.getName())
                    .setSource(component.getSource())
                    .setWeightBasisPoints(component.getWeightBasisPoints())
                    .addAllInputs(raw.inputs().stream().sorted(INPUT_ORDER).toList());
            if (raw.value() == null) {
                c.setPresent(false).setMissingReason(raw.missingReason());
                reasons.add(component.getCode() + ": " + raw.missingReason());
            } else {
                double mapped = map(component.getMapping(), raw.value());
                c.setPresent(true)
                        .setRawValue(raw.value())
                        .setMappedValue(mapped)
                        .setMappingRule(raw.combination() + rule(component.getMapping(), raw.value(), mapped));
                presentWeight += component.getWeightBasisPoints();
            }
            built.add(c);
        }
        boolean complete = reasons.isEmpty();
        double weighted = 0;
        for (ComponentScore.Builder c : built) {
            if (c.getPresent() && presentWeight > 0) {
                // Re-spread: a present component's share of the present weights; with every component
                // present this is its declared weight.
                double effective = (double) c.getWeightBasisPoints() / presentWeight * 100;
                double contribution = c.getMappedValue() * effective / 100;
                c.setEffectiveWeightPercent(effective).setContribution(contribution);
                weighted += contribution;
            }
            card.addComponents(c);
        }
        if (presentWeight == 0) {
            reasons.add("no component has data");
            return null;
        }
        return respread || complete ? weighted : null;
    }

    /** The raw value on 0-100: as it is, or against a target and a floor (either direction). */
    static double map(ScoreMapping mapping, double raw) {
        if (mapping.hasTarget()) {
            double t = mapping.getTarget().getTarget();
            double f = mapping.getTarget().getFloor();
            return clamp(t > f ? (raw - f) / (t - f) * 100 : (f - raw) / (f - t) * 100);
        }
        return clamp(raw);
    }

    private static String rule(ScoreMapping mapping, double raw, double mapped) {
        String bound = mapped == 100 ? ", capped at 100" : mapped == 0 ? ", floored at 0" : "";
        if (mapping.hasTarget()) {
            double t = mapping.getTarget().getTarget();
            double f = mapping.getTarget().getFloor();
            String formula = t > f
                    ? "(" + num(raw) + " - " + num(f) + ") / (" + num(t) + " - " + num(f) + ") x 100"
                    : "(" + num(f) + " - " + num(raw) + ") / (" + num(f) + " - " + num(t) + ") x 100";
            return "target " + num(t) + ", floor " + num(f) + " (" + (t > f ? "higher" : "lower") + " is better): "
                    + formula + " = " + num(mapped) + bound;
        }
        return "direct: " + num(raw) + bound;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    // ---- roll-ups and deductions -----------------------------------------------------------------

    private static Double rollUp(
            ScoringModel model, List<Child> children, Scorecard.Builder card, List<String> reasons) {
        boolean respread = model.getMissingSourcePolicy() == MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD;
        boolean byCustomers = model.getRollUp().getWeighting() == RollUpWeighting.ROLL_UP_WEIGHTING_CUSTOMERS_SERVED;
        List<ChildScore.Builder> built = new ArrayList<>();
        double totalWeight = 0;
        for (Child child : children.stream()
                .sorted(Comparator.comparing((Child c) -> c.unit().code()))
                .toList()) {
            ChildScore.Builder c = ChildScore.newBuilder()
                    .setUnitId(child.unit().id())
                    .setUnitCode(child.unit().code());
            CardRef ref = child.card();
            if (ref != null) {
                c.setScorecardId(ref.id());
                if (ref.score() != null) {
                    c.setScore(ref.score());
                }
            }
            if (child.customers() != null) {
                c.setCustomersServed(child.customers().customers());
            }
            String missing = null;
            if (ref == null) {
                missing = "no scorecard";
            } else if (ref.score() == null) {
                missing = "insufficient data";
            } else if (byCustomers
                    && (child.customers() == null || child.customers().customers() == 0)) {
                missing = child.customers() == null ? "no customers-served figure" : "customers served is 0";
            }
            if (missing == null) {
                c.setPresent(true);
                totalWeight += byCustomers ? child.customers().customers() : 1;
            } else {
                c.setPresent(false).setMissingReason(missing);
                reasons.add("child " + child.unit().code() + ": " + missing);
            }
            built.add(c);
        }
        boolean complete = reasons.isEmpty();
        double weighted = 0;
        for (ChildScore.Builder c : built) {
            if (c.getPresent()) {
                double effective = (byCustomers ? c.getCustomersServed() : 1) / totalWeight * 100;
                double contribution = c.getScore() * effective / 100;
                c.setEffectiveWeightPercent(effective).setContribution(contribution);
                weighted += contribution;
            }
            card.addChildren(c);
        }
        if (totalWeight == 0) {
            reasons.add("no child has a score");
            return null;
        }
        return respread || complete ? weighted : null;
    }

    /** Applies the model's deductions for the month; answers the points after the cap. */
    private static double deductions(ScoringModel model, List<Violation> violations, Scorecard.Builder card) {
        List<Violation> applied = violations.stream()
                .filter(v -> model.getDeductionRuleCodesList().contains(v.ruleCode()))
                .sorted(Comparator.comparing(Violation::occurredTime).thenComparing(Violation::id))
                .toList();
        // Summed in thousandths, exact, then turned into points once.
        long millis = 0;
        for (Violation v : applied) {
            millis += v.pointsMillis();
            card.addDeductions(DeductionApplied.newBuilder()
                    .setViolationId(v.id())
                    .setRuleCode(v.ruleCode())
                    .setPoints(v.pointsMillis() / 1000.0)
                    .setOccurredTime(ProtoTime.timestamp(v.occurredTime())));
        }
        double points = millis / 1000.0;
        if (model.hasDeductionCapPoints() && points > model.getDeductionCapPoints()) {
            points = model.getDeductionCapPoints();
            card.setDeductionCapped(true);
        }
        card.setDeductionPoints(points);
        return points;
    }

    static InputRef ref(InputKind kind, String id, double value, String detail) {
        return InputRef.newBuilder()
                .setKind(kind)
                .setId(id)
                .setValue(value)
                .setDetail(detail)
                .build();
    }

    /** A number in words: at most two decimals (the stored values are never rounded). */
    static String num(double v) {
        return Double.toString(
                BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue());
    }
}
