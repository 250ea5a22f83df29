package org.sqm.commons.auth;

import com.google.protobuf.Descriptors;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.AccessProto;
import org.sqm.proto.common.v1.Role;

/**
 * The roles of proto's {@code sqm.common.v1.Role} as tokens spell them ({@code groups}): the enum name
 * without its prefix, lower case, dashes for underscores ({@code ROLE_QUALITY_MANAGER} ->
 * {@code quality-manager}). {@link #SERVICE} is the group of service tokens.
 */
public final class Roles {

    /** The group of a service token: may call every method, unscoped. */
    public static final String SERVICE = "service";

    /** Roles organisation-wide: their calls are not cut to units. */
    public static final Set<Role> UNSCOPED =
            EnumSet.of(Role.ROLE_ADMINISTRATOR, Role.ROLE_QUALITY_MANAGER, Role.ROLE_PUBLIC_READER);

    /** Roles cut to the token's units and their descendants. */
    public static final Set<Role> UNIT_SCOPED =
            EnumSet.of(Role.ROLE_UNIT_MANAGER, Role.ROLE_VIEWER, Role.ROLE_COMPLAINT_HANDLER);

    /** Roles that see a complainant's contact details (on a single complaint in their scope). */
    public static final Set<Role> PERSONAL_DATA = EnumSet.of(Role.ROLE_QUALITY_MANAGER, Role.ROLE_COMPLAINT_HANDLER);

    private Roles() {}

    /** The token group of a role. */
    public static String group(Role role) {
        return role.name().substring("ROLE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The role a token group names, if it names one. */
    public static Optional<Role> of(String group) {
        for (Role role : Role.values()) {
            if (role != Role.ROLE_UNSPECIFIED
                    && role != Role.UNRECOGNIZED
                    && group(role).equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The roles among a token's groups. */
    public static Set<Role> of(Set<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groups.forEach(g -> of(g).ifPresent(roles::add));
        return roles;
    }

    /** The access rule a method states in its proto ({@code (sqm.common.v1.access)}), if it states one. */
    public static Optional<Access> access(MethodDescriptor<?, ?> method) {
        if (method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier) {
            return access(supplier.getMethodDescriptor());
        }
        return Optional.empty();
    }

    /** The access rule of a proto method descriptor, if it states one. */
    public static Optional<Access> access(Descriptors.MethodDescriptor method) {
        return method.getOptions().hasExtension(AccessProto.access)
                ? Optional.of(method.getOptions().getExtension(AccessProto.access))
                : Optional.empty();
    }
}
