package org.sqm.scoring.mapping;

import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.CatalogueEntryOutcome;
import org.sqm.proto.scoring.v1.CatalogueOutcome;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.scoring.v1.ScoringCatalogue;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.scoring.service.DeductionRuleService.NewDeductionRule;
import org.sqm.scoring.service.IndicatorService.NewIndicator;
import org.sqm.scoring.service.ScoringCatalogueLoad;

/**
 * Translates a catalogue (the one in a request, or the one shipped in the jar as the proto JSON of a
 * {@code ScoringCatalogue}) into the entries to load, and the load's outcomes back.
 */
public final class CatalogueMapper {

    /** The catalogue that ships with scoring-service. */
    public static final String SHIPPED = "catalogue/scoring-catalogue.json";

    private CatalogueMapper() {}

    /** The shipped catalogue, read from the jar. */
    public static ScoringCatalogue shipped() {
        try (InputStream in = CatalogueMapper.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the application");
            }
            ScoringCatalogue.Builder catalogue = ScoringCatalogue.newBuilder();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                JsonFormat.parser().merge(reader, catalogue);
            }
            return catalogue.build();
        } catch (IOException e) {
            throw new UncheckedIOException(SHIPPED + " cannot be read", e);
        }
    }

    public static List<NewIndicator> indicators(ScoringCatalogue catalogue) {
        return catalogue.getIndicatorsList().stream()
                .map(IndicatorMapper::toNewIndicator)
                .toList();
    }

    public static List<NewDeductionRule> deductionRules(ScoringCatalogue catalogue) {
        return catalogue.getDeductionRulesList().stream()
                .map(DeductionRuleMapper::toNewDeductionRule)
                .toList();
    }

    public static List<ScoringModel> scoringModels(ScoringCatalogue catalogue) {
        return catalogue.getScoringModelsList();
    }

    public static List<AccreditationRules> accreditationRules(ScoringCatalogue catalogue) {
        return catalogue.getAccreditationRulesList();
    }

    public static LoadScoringCatalogueResponse toProto(List<ScoringCatalogueLoad.Entry> entries) {
        return LoadScoringCatalogueResponse.newBuilder()
                .addAllEntries(entries.stream()
                        .map(e -> CatalogueEntryOutcome.newBuilder()
                                .setKind(e.kind())
                                .setCode(e.code())
                                .setId(e.id().toString())
                                .setOutcome(ProtoEnums.toProto(e.outcome(), CatalogueOutcome.class))
                                .build())
                        .toList())
                .build();
    }
}
