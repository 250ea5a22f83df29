package org.sqm.gateway.rest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    enum Colour {
        RED
    }

    @Test
    void fieldsWithACommaAQuoteOrANewlineAreQuotedWithTheirQuotesDoubled() {
        StringBuilder out = new StringBuilder();
        Csv.record(out, List.of("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere"));
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n", out.toString());
    }

    @Test
    void nullIsEmptyNumbersAreJavasAndEnumsTheirNames() {
        StringBuilder out = new StringBuilder();
        Csv.record(out, Arrays.asList(null, 3, 84.5, 90.0, 120L, Colour.RED, ""));
        Csv.record(out, List.of("last"));
        assertEquals(",3,84.5,90.0,120,RED,\r\nlast\r\n", out.toString());
    }
}
