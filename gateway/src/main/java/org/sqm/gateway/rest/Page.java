package org.sqm.gateway.rest;

import java.util.List;

/**
 * One page of a list. Pass {@code nextPageToken} as {@code pageToken} to read the next page; it is
 * absent on the last page.
 *
 * @param items         the items of this page
 * @param nextPageToken the token of the next page, or null at the end
 */
public record Page<T>(List<T> items, String nextPageToken) {}
