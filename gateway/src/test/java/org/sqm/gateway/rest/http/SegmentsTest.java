package org.sqm.gateway.rest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Segments#ID} as RESTEasy Reactive uses it: the templates' patterns joined into one, searched with
 * {@code find} from where the parameter starts (URITemplate, RequestMapper).
 */
class SegmentsTest {

    private static final Pattern CUSTOM_METHOD = Pattern.compile("(?<id>" + Segments.ID + "):(?<verb>[^/]+?)$");
    private static final Pattern RESOURCE = Pattern.compile("(?<id>" + Segments.ID + ")$");

    @Test
    void aResourceIdIsOneSegmentUpToAColon() {
        Matcher custom = CUSTOM_METHOD.matcher("/api/v1/complaints/3f2a-77:close");
        assertTrue(custom.find(19));
        assertEquals(19, custom.start());
        assertEquals("3f2a-77", custom.group("id"));
        assertEquals("close", custom.group("verb"));

        Matcher plain = RESOURCE.matcher("/api/v1/complaints/3f2a-77");
        assertTrue(plain.find(19));
        assertEquals("3f2a-77", plain.group("id"));
        assertFalse(RESOURCE.matcher("/api/v1/complaints/3f2a-77:close").find(19), "a custom method is not a read");
        assertFalse(RESOURCE.matcher("/api/v1/complaints/").find(19), "an empty id");
    }

    @Test
    void aTemplateThatDoesNotFitIsNotTriedFurtherAlongThePath() {
        // Unanchored, "[^/:]+:" found "b:x" inside "a/b:x" from position 0; RESTEasy then refuses the match
        // because it does not start where the parameter does, after trying every position.
        Matcher anchored = CUSTOM_METHOD.matcher("a/b:x");
        assertFalse(anchored.find(0));
        assertTrue(Pattern.compile("(?<id>[^/:]+):(?<verb>[^/]+?)$")
                .matcher("a/b:x")
                .find(0));
    }
}
