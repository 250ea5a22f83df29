package org.sqm.gateway.rest.http;

import java.util.List;
import java.util.function.Function;
import org.sqm.commons.convert.Texts;

/**
 * One page of a list. Pass {@code nextPageToken} as {@code pageToken} to read the next page; it is
 * absent on the last page.
 *
 * @param items         the items of this page
 * @param nextPageToken the token of the next page, or null at the end
 */
public record Page<T>(List<T> items, String nextPageToken) {

    /** The page of a backend's list answer: its items as views, its next token (empty at the end) as null. */
    public static <M, T> Page<T> of(List<M> items, Function<M, T> view, String nextPageToken) {
        return new Page<>(items.stream().map(view).toList(), Texts.emptyToNull(nextPageToken));
    }
}
