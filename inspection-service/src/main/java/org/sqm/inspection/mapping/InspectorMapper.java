package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.service.InspectorService.NewInspector;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.Inspector;

/** Translates between the inspector contract and the inspector entity. */
public final class InspectorMapper {

    private static final String LEVEL_PREFIX = "AUTHORITY_LEVEL_";

    private InspectorMapper() {}

    public static Inspector toProto(InspectorEntity entity) {
        return Inspector.newBuilder()
                .setId(entity.id.toString())
                .setName(entity.name)
                .setCertificateNumber(entity.certificateNumber)
                .setAuthorityLevel(Enums.toProto(entity.authorityLevel, LEVEL_PREFIX, AuthorityLevel.class))
                .setValidFrom(timestamp(entity.validFrom))
                .setValidUntil(timestamp(entity.validUntil))
                .setCreateTime(timestamp(entity.createTime))
                .addAllQualifiedKinds(entity.qualifiedKinds.stream()
                        .sorted()
                        .map(k -> Enums.toProto(k, "INSPECTION_KIND_", InspectionKind.class))
                        .toList())
                .setPseudonym(entity.pseudonym == null ? "" : entity.pseudonym)
                .build();
    }

    public static NewInspector toNewInspector(Inspector inspector) {
        return new NewInspector(
                inspector.getName(),
                inspector.getCertificateNumber(),
                InspectionMapper.toDomain(inspector.getAuthorityLevel()),
                instantOrNull(inspector.hasValidFrom(), inspector.getValidFrom()),
                instantOrNull(inspector.hasValidUntil(), inspector.getValidUntil()),
                inspector.getQualifiedKindsList().stream()
                        .map(InspectionMapper::toDomain)
                        .collect(java.util.stream.Collectors.toList()),
                inspector.getPseudonym());
    }
}
