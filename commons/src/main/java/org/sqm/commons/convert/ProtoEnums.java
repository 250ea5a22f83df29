package org.sqm.commons.convert;

import com.google.protobuf.ProtocolMessageEnum;

/**
 * Converts between protobuf enums and the domain's or REST's enums by name. Proto values are the
 * names of the domain values with the enum's prefix (buf style: {@code COMPLAINT_CHANNEL_PHONE} for
 * {@code PHONE}); the prefix is read off the enum's zero value ({@code COMPLAINT_CHANNEL_UNSPECIFIED}),
 * so no call site spells it out.
 */
public final class ProtoEnums {

    private static final String UNSPECIFIED = "UNSPECIFIED";

    private static final ClassValue<String> PREFIXES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            for (Object constant : type.getEnumConstants()) {
                if (constant instanceof ProtocolMessageEnum p
                        && !isUnrecognized(p)
                        && p.getNumber() == 0
                        && ((Enum<?>) constant).name().endsWith(UNSPECIFIED)) {
                    String name = ((Enum<?>) constant).name();
                    return name.substring(0, name.length() - UNSPECIFIED.length());
                }
            }
            throw new IllegalArgumentException(type + " has no <PREFIX>_UNSPECIFIED = 0 value");
        }
    };

    private ProtoEnums() {}

    /** The value's name without its prefix; null for UNSPECIFIED and for numbers this version does not know. */
    public static String shortName(ProtocolMessageEnum value) {
        if (value == null || isUnrecognized(value) || value.getNumber() == 0) {
            return null;
        }
        return ((Enum<?>) value).name().substring(prefix(value.getClass()).length());
    }

    /** The domain value of the same name; null for UNSPECIFIED, unknown numbers and names the domain lacks. */
    public static <E extends Enum<E>> E toDomain(ProtocolMessageEnum value, Class<E> type) {
        return byName(shortName(value), type);
    }

    /** The proto value of the domain (or REST) value's name; UNSPECIFIED for null. */
    public static <P extends Enum<P> & ProtocolMessageEnum> P toProto(Enum<?> value, Class<P> type) {
        return fromShortName(value == null ? null : value.name(), type);
    }

    /** The proto value whose name without prefix is {@code name}; UNSPECIFIED for null. */
    public static <P extends Enum<P> & ProtocolMessageEnum> P fromShortName(String name, Class<P> type) {
        return Enum.valueOf(type, prefix(type) + (name == null ? UNSPECIFIED : name));
    }

    /** The enum value of the name; null for a null or unknown name. */
    public static <E extends Enum<E>> E byName(String name, Class<E> type) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String prefix(Class<?> type) {
        return PREFIXES.get(type.isEnum() ? type : type.getSuperclass());
    }

    private static boolean isUnrecognized(ProtocolMessageEnum value) {
        return ((Enum<?>) value).name().equals("UNRECOGNIZED");
    }
}
