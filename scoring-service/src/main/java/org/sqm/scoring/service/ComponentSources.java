package org.sqm.scoring.service;

import static org.sqm.scoring.service.ScorecardCalculator.num;
import static org.sqm.scoring.service.ScorecardCalculator.ref;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.InputKind;
import org.sqm.proto.scoring.v1.InputRef;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.scoring.service.ScorecardInputs.ComplaintStats;
import org.sqm.scoring.service.ScorecardInputs.Inspection;
import org.sqm.scoring.service.ScorecardInputs.Measurement;
import org.sqm.scoring.service.ScorecardInputs.Month;
import org.sqm.scoring.service.ScorecardInputs.SurveyGroup;

/**
 * The raw value of each kind of component source for one unit and month, with the inputs it came
 * from by identifier, or why there is none (no data, or less than the component's minimum sample).
 */
final class ComponentSources {

    private ComponentSources() {}

    /** What one component's source gave: a raw value with its inputs, or why there is none. */
    record Raw(Double value, String missingReason, String combination, List<InputRef> inputs) {

        static Raw missing(String why, List<InputRef> inputs) {
            return new Raw(null, why, "", inputs);
        }

        static Raw of(double value, List<InputRef> inputs) {
            return new Raw(value, "", "", inputs);
        }
    }

    static Raw raw(ScoreComponent component, Month in, boolean respread, String statisticsId) {
        var source = component.getSource();
        return switch (source.getSourceCase()) {
            case INSPECTION_SCORE -> inspectionScore(source.getInspectionScore(), in.inspections(), respread);
            case SATISFACTION_INDEX -> satisfaction(
                    ProtoEnums.shortName(source.getSatisfactionIndex().getSegment()),
                    source.getSatisfactionIndex().getMinSample(),
                    in.surveys());
            case INDICATOR -> indicator(
                    source.getIndicator().getIndicatorCode(),
                    source.getIndicator().getMinSample(),
                    in.measurements().get(source.getIndicator().getIndicatorCode()));
            case COMPLAINT_TIMELINESS -> timeliness(in.complaints(), statisticsId);
            case COMPLAINT_RATE -> complaintRate(in, statisticsId);
            case CALL_BACK_COVERAGE -> callBacks(in.complaints(), statisticsId);
            case SOURCE_NOT_SET -> Raw.missing("the component has no source", List.of());
        };
    }

    private static Raw inspectionScore(InspectionScoreSource source, List<Inspection> all, boolean respread) {
        List<InputRef> inputs = new ArrayList<>();
        Map<AuthorityLevel, double[]> byLevel = new LinkedHashMap<>();
        for (AuthorityWeight w : source.getAuthorityWeightsList()) {
            byLevel.put(w.getLevel(), new double[2]);
        }
        List<Inspection> ofKind = all.stream()
                .filter(i -> i.kind() == source.getKind() && i.score() != null)
                .sorted(Comparator.comparing(Inspection::id))
                .toList();
        for (Inspection i : ofKind) {
            double[] acc = byLevel.get(i.level());
            if (acc == null) {
                continue; // an authority the model does not weigh
            }
            boolean zero = i.failed() && source.getFailedCountsAsZero();
            double used = zero ? 0 : i.score();
            acc[0] += used;
            acc[1]++;
            String detail = ProtoEnums.shortName(i.level()) + ", score " + num(i.score())
                    + (i.failed()
                            ? ", failed: " + String.join(", ", i.failedElements()) + (zero ? ", counts 0" : "")
                            : "");
            inputs.add(ref(InputKind.INPUT_KIND_INSPECTION, i.id(), used, detail));
        }
        String kind = ProtoEnums.shortName(source.getKind());
        int presentWeight = 0;
        List<String> missing = new ArrayList<>();
        for (AuthorityWeight w : source.getAuthorityWeightsList()) {
            if (byLevel.get(w.getLevel())[1] > 0) {
                presentWeight += w.getWeightBasisPoints();
            } else {
                missing.add("no " + ProtoEnums.shortName(w.getLevel()) + " " + kind + " inspection");
            }
        }
        if (presentWeight == 0) {
            return Raw.missing("no " + kind + " inspection", inputs);
        }
        if (!missing.isEmpty() && !respread) {
            return Raw.missing(String.join("; ", missing), inputs);
        }
        double raw = 0;
        List<String> parts = new ArrayList<>();
        for (AuthorityWeight w : source.getAuthorityWeightsList()) {
            double[] acc = byLevel.get(w.getLevel());
            if (acc[1] == 0) {
                continue;
            }
            double mean = acc[0] / acc[1];
            double share = (double) w.getWeightBasisPoints() / presentWeight;
            raw += share * mean;
            parts.add(ProtoEnums.shortName(w.getLevel()) + " mean " + num(mean) + " of " + (long) acc[1] + " x "
                    + num(share * 100) + " %");
        }
        String combination = String.join(" + ", parts) + " = " + num(raw)
                + (missing.isEmpty() ? "" : " (" + String.join("; ", missing) + ": weight re-spread)") + "; ";
        return new Raw(raw, "", combination, inputs);
    }

    private static Raw satisfaction(String segment, int minSample, List<SurveyGroup> groups) {
        Map<String, long[]> countByBatch = new LinkedHashMap<>();
        Map<String, double[]> sumByBatch = new LinkedHashMap<>();
        long n = 0;
        double sum = 0;
        List<SurveyGroup> used = groups.stream()
                .filter(g -> segment == null || segment.equals(g.segment()))
                .sorted(Comparator.comparing(SurveyGroup::batchId).thenComparing(SurveyGroup::segment))
                .toList();
        for (SurveyGroup g : used) {
            n += g.responses();
            sum += g.normalisedSum();
            countByBatch.computeIfAbsent(g.batchId(), b -> new long[1])[0] += g.responses();
            sumByBatch.computeIfAbsent(g.batchId(), b -> new double[1])[0] += g.normalisedSum();
        }
        List<InputRef> inputs = new ArrayList<>();
        countByBatch.forEach((batch, count) -> inputs.add(ref(
                InputKind.INPUT_KIND_SURVEY_BATCH,
                batch,
                count[0],
                "responses " + count[0] + ", mean " + num(sumByBatch.get(batch)[0] / count[0])
                        + (segment == null ? "" : ", segment " + segment))));
        int min = Math.max(1, minSample);
        if (n < min) {
            return Raw.missing(
                    n == 0
                            ? "no survey response" + (segment == null ? "" : " of segment " + segment)
                            : n + " survey responses, fewer than the minimum sample " + min,
                    inputs);
        }
        Raw raw = Raw.of(sum / n, inputs);
        return new Raw(raw.value(), "", "index of " + n + " responses " + num(sum / n) + "; ", inputs);
    }

    private static Raw indicator(String code, int minSample, Measurement m) {
        if (m == null) {
            return Raw.missing("no current measurement of " + code, List.of());
        }
        int min = Math.max(1, minSample);
        if (m.rate()) {
            double raw = (double) m.numerator() / m.denominator() * 100;
            List<InputRef> inputs = List.of(ref(
                    InputKind.INPUT_KIND_MEASUREMENT_BATCH,
                    m.batchId(),
                    raw,
                    code + " rate " + m.numerator() + " of " + m.denominator()));
            if (m.denominator() < min) {
                return Raw.missing("denominator " + m.denominator() + " below the minimum sample " + min, inputs);
            }
            return new Raw(raw, "", m.numerator() + " / " + m.denominator() + " x 100 = " + num(raw) + "; ", inputs);
        }
        List<InputRef> inputs = List.of(ref(
                InputKind.INPUT_KIND_MEASUREMENT_BATCH,
                m.batchId(),
                m.mean(),
                code + " mean " + num(m.mean()) + " of " + m.sampleSize()));
        if (m.sampleSize() < min) {
            return Raw.missing("sample size " + m.sampleSize() + " below the minimum sample " + min, inputs);
        }
        return Raw.of(m.mean(), inputs);
    }

    private static Raw timeliness(ComplaintStats s, String id) {
        if (s == null || s.resolved() == 0) {
            return Raw.missing("no complaint received in the period was resolved", List.of());
        }
        double raw = s.shareResolvedWithinDeadline() * 100;
        return Raw.of(
                raw,
                List.of(ref(
                        InputKind.INPUT_KIND_COMPLAINT_STATISTICS,
                        id,
                        raw,
                        "resolved " + s.resolved() + ", within deadline " + s.resolvedWithinDeadline())));
    }

    private static Raw complaintRate(Month in, String id) {
        long received = in.complaints() == null ? 0 : in.complaints().received();
        List<InputRef> inputs = new ArrayList<>();
        inputs.add(ref(InputKind.INPUT_KIND_COMPLAINT_STATISTICS, id, received, "received " + received));
        if (in.customers() == null || in.customers().customers() == 0) {
            return Raw.missing(in.customers() == null ? "no customers-served figure" : "customers served is 0", inputs);
        }
        long customers = in.customers().customers();
        inputs.add(ref(
                InputKind.INPUT_KIND_CUSTOMERS_SERVED_BATCH,
                in.customers().batchId(),
                customers,
                "customers served " + customers));
        double raw = (double) received / customers * 10000;
        return new Raw(raw, "", received + " / " + customers + " x 10000 = " + num(raw) + " per 10 000; ", inputs);
    }

    private static Raw callBacks(ComplaintStats s, String id) {
        if (s == null || s.callBacksRequired() == 0) {
            return Raw.missing("no call-back was owed", List.of());
        }
        double raw = (double) s.callBacksDone() / s.callBacksRequired() * 100;
        return new Raw(
                raw,
                "",
                s.callBacksDone() + " / " + s.callBacksRequired() + " x 100 = " + num(raw) + "; ",
                List.of(ref(
                        InputKind.INPUT_KIND_COMPLAINT_STATISTICS,
                        id,
                        raw,
                        "call-backs required " + s.callBacksRequired() + ", done " + s.callBacksDone())));
    }
}
