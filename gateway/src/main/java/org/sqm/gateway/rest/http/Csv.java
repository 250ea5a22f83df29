package org.sqm.gateway.rest.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it: records end with CRLF; a field holding a comma, a double quote, a
 * CR or a LF is enclosed in double quotes, its double quotes doubled. A null is an empty field, a
 * number its {@code toString} (Java's {@code Double.toString} for doubles: "84.5", "90.0"), an enum its name.
 */
public final class Csv {

    /** The media type. */
    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

    /**
     * Whether the acceptable type of highest quality that a JSON-or-CSV resource produces is CSV; any
     * type, or no Accept, means JSON.
     */
    public static boolean preferred(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(MEDIA_TYPE);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }

    /** Appends one record of {@code fields} to {@code out}. */
    public static void record(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields.get(i));
        }
        out.append("\r\n");
    }

    private static void field(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            out.append(text);
            return;
        }
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
