package org.sqm.gateway.rest.http;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.error.InvalidRequestException;

/** Query parameters that are no free text: flags and enum values, each a 400 naming it when malformed. */
public final class QueryParams {

    private QueryParams() {}

    /** A boolean query parameter; absent means false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(name, "must be true or false");
    }

    /** A whole-number query parameter of at least {@code min}; null when absent. */
    public static Integer wholeNumber(String name, String value, int min) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "must be a whole number of at least " + min);
        }
        if (number < min) {
            throw new InvalidRequestException(name, "must be a whole number of at least " + min);
        }
        return number;
    }

    /** The proto enum value a parameter names without its prefix ({@code PHONE}); UNSPECIFIED when absent. */
    public static <P extends Enum<P> & ProtocolMessageEnum> P protoEnum(String name, String value, Class<P> type) {
        if (value == null || value.isEmpty()) {
            return ProtoEnums.fromShortName(null, type);
        }
        P parsed = null;
        try {
            parsed = ProtoEnums.fromShortName(value, type);
        } catch (IllegalArgumentException e) {
            // Not a value of the enum: answered below with the values there are.
        }
        if (parsed == null || parsed.getNumber() == 0) {
            throw new InvalidRequestException(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(ProtoEnums::shortName)
                                    .filter(Objects::nonNull)
                                    .collect(Collectors.joining(", ")));
        }
        return parsed;
    }
}
