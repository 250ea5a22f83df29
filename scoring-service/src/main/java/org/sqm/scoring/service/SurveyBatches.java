package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.sqm.commons.error.Violations;
import org.sqm.scoring.domain.BatchKind;
import org.sqm.scoring.domain.CustomerSegment;
import org.sqm.scoring.domain.InputBatchEntity;
import org.sqm.scoring.domain.SurveyResponseEntity;

/**
 * Satisfaction survey responses, in batches on a declared scale; each score is stored with its value
 * on 0-100 so that surveys on different scales average together. Records through {@link BatchIntake},
 * which asks standards-service, so it opens no transaction itself.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class SurveyBatches {

    static final String FIELD = "survey_batch";

    private final BatchIntake intake;
    private final BatchStore store;

    public SurveyBatches(BatchIntake intake, BatchStore store) {
        this.intake = intake;
        this.store = store;
    }

    /** A response as a caller sends it; the segment is null when unset or unknown. */
    public record Response(String unitId, CustomerSegment segment, String date, double score) {}

    public StoredBatch<SurveyResponseEntity> record(NewBatch<Response> batch) {
        return intake.record(RULES, batch);
    }

    public StoredBatch<SurveyResponseEntity> get(String batchId) {
        return store.get(BatchKind.SURVEY_RESPONSES, FIELD, SurveyResponseEntity.class, batchId);
    }

    /** Whether a batch's declared scale is usable: finite, its minimum below its maximum. */
    private static boolean scaleValid(NewBatch<?> batch) {
        return batch.scaleMin() != null
                && batch.scaleMax() != null
                && Double.isFinite(batch.scaleMin())
                && Double.isFinite(batch.scaleMax())
                && batch.scaleMin() < batch.scaleMax();
    }

    private static final BatchRules<Response, SurveyResponseEntity> RULES =
            new BatchRules<>(
                    BatchKind.SURVEY_RESPONSES,
                    FIELD,
                    "responses",
                    "survey_response",
                    SurveyResponseEntity.class,
                    null,
                    Response::unitId) {

                @Override
                protected void checkHeader(NewBatch<Response> batch, Violations v) {
                    v.check(scaleValid(batch), FIELD + ".scale_min", "must be a finite number below scale_max");
                }

                @Override
                protected boolean checkItem(
                        NewBatch<Response> batch, Response response, String path, LocalDate today, Violations v) {
                    boolean segment = response.segment() != null;
                    v.requireEnum(path + ".segment", segment);
                    boolean date = checkDate(path + ".date", response.date(), today, v);
                    boolean score = !scaleValid(batch)
                            || (response.score() >= batch.scaleMin() && response.score() <= batch.scaleMax());
                    v.check(
                            score,
                            path + ".score",
                            "must lie on the declared scale, " + batch.scaleMin() + " to " + batch.scaleMax());
                    return segment && date && score;
                }

                @Override
                protected List<String> fingerprint(Response response) {
                    return List.of(
                            response.unitId(),
                            String.valueOf(response.segment()),
                            response.date(),
                            String.valueOf(response.score()));
                }

                @Override
                protected SurveyResponseEntity toEntity(Response response, InputBatchEntity batch) {
                    SurveyResponseEntity r = new SurveyResponseEntity();
                    r.segment = response.segment();
                    r.responseDate = LocalDate.parse(response.date());
                    r.score = response.score();
                    r.normalised = (response.score() - batch.scaleMin) / (batch.scaleMax - batch.scaleMin) * 100;
                    return r;
                }
            };

    /** Whether a required ISO date is well-formed and not after today; adds a violation when not. */
    private static boolean checkDate(String field, String text, LocalDate today, Violations v) {
        if (text == null || text.isEmpty()) {
            v.check(false, field, "is required");
            return false;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            v.check(false, field, "must be a date such as 2026-03-14");
            return false;
        }
        v.check(!date.isAfter(today), field, "must not lie in the future");
        return !date.isAfter(today);
    }
}
