package org.sqm.inspection.mapping;

import static org.sqm.commons.grpc.ProtoTime.instantOrNull;
import static org.sqm.commons.grpc.ProtoTime.timestamp;

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
                .setAuthorityLevel(AuthorityLevel.valueOf(LEVEL_PREFIX + entity.authorityLevel.name()))
                .setValidFrom(timestamp(entity.validFrom))
                .setValidUntil(timestamp(entity.validUntil))
                .setCreateTime(timestamp(entity.createTime))
                .addAllQualifiedKinds(entity.qualifiedKinds.stream()
                        .sorted()
                        .map(k -> InspectionKind.valueOf("INSPECTION_KIND_" + k.name()))
                        .toList())
                .setPseudonym(entity.pseudonym == null ? "" : entity.pseudonym)
                .build();
    }

    public static NewInspector toNewInspector(Inspector inspector) {
        return new NewInspector(
                inspector.getName(),
                inspector.getCertificateNumber(),
                toDomain(inspector.getAuthorityLevel()),
                instantOrNull(inspector.hasValidFrom(), inspector.getValidFrom()),
                instantOrNull(inspector.hasValidUntil(), inspector.getValidUntil()),
                inspector.getQualifiedKindsList().stream()
                        .map(InspectorMapper::toDomain)
                        .collect(java.util.stream.Collectors.toList()),
                inspector.getPseudonym());
    }

    /** The domain kind, or null for UNSPECIFIED and for numbers this version does not know. */
    static org.sqm.inspection.domain.InspectionKind toDomain(InspectionKind kind) {
        if (kind == InspectionKind.INSPECTION_KIND_UNSPECIFIED || kind == InspectionKind.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.inspection.domain.InspectionKind.valueOf(kind.name().substring("INSPECTION_KIND_".length()));
    }

    /** The domain level, or null for UNSPECIFIED and for numbers this version does not know. */
    static org.sqm.inspection.domain.AuthorityLevel toDomain(AuthorityLevel level) {
        if (level == AuthorityLevel.AUTHORITY_LEVEL_UNSPECIFIED || level == AuthorityLevel.UNRECOGNIZED) {
            return null;
        }
        return org.sqm.inspection.domain.AuthorityLevel.valueOf(level.name().substring(LEVEL_PREFIX.length()));
    }
}
