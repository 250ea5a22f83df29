package org.sqm.inspection.mapping;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.Texts;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.service.InspectorRegistration.NewInspector;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.Inspector;

/** Translates between the inspector contract and the inspector entity. */
public final class InspectorMapper {

    private InspectorMapper() {}

    public static Inspector toProto(InspectorEntity entity) {
        return Inspector.newBuilder()
                .setId(entity.id.toString())
                .setName(entity.name)
                .setCertificateNumber(entity.certificateNumber)
                .setAuthorityLevel(ProtoEnums.toProto(entity.authorityLevel, AuthorityLevel.class))
                .setValidFrom(timestamp(entity.validFrom))
                .setValidUntil(timestamp(entity.validUntil))
                .setCreateTime(timestamp(entity.createTime))
                .addAllQualifiedKinds(entity.qualifiedKinds.stream()
                        .sorted()
                        .map(k -> ProtoEnums.toProto(k, InspectionKind.class))
                        .toList())
                .setPseudonym(Texts.nullToEmpty(entity.pseudonym))
                .setSubject(Texts.nullToEmpty(entity.subject))
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
                inspector.getPseudonym(),
                inspector.getSubject());
    }
}
