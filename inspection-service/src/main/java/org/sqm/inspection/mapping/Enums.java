package org.sqm.inspection.mapping;

/** Proto enums to domain enums and back, by name: proto values are the domain names with a prefix. */
final class Enums {

    private Enums() {}

    /** The domain value, or null for UNSPECIFIED and for numbers this version does not know. */
    static <E extends Enum<E>> E toDomain(Enum<?> proto, String prefix, Class<E> type) {
        String name = proto.name();
        if (!name.startsWith(prefix) || name.endsWith("_UNSPECIFIED")) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The proto value of a domain value. */
    static <P extends Enum<P>> P toProto(Enum<?> domain, String prefix, Class<P> type) {
        return Enum.valueOf(type, prefix + domain.name());
    }
}
