package org.sqm.gateway.rest.http;

/**
 * The path parameter patterns of the REST resources, one place for all of them.
 *
 * <p>A resource's id is one path segment up to a ':' (AIP-136: {@code /complaints/{id}:close} is the custom
 * method "close" of complaint {id}). RESTEasy Reactive matches a parameter with a pattern by {@code
 * Matcher.find} from where the parameter starts, so a template that does not fit the path (every
 * {@code /{id}:{verb}} template tried before {@code /{id}} for a plain read) is tried at every later position
 * of the path too, each try backtracking over the rest of the id: quadratic in the path's length, three times
 * a request (the observability template, the class, the method). {@code \G} anchors the pattern at the
 * position it is searched from and the possessive {@code ++} gives nothing back, so a template that does not
 * fit fails in one pass. On the unit read this took a third of the gateway's CPU (bench/README.md).
 */
public final class Segments {

    /** A resource id: one path segment, up to a ':' (AIP-136 custom methods). */
    public static final String ID = "\\G[^/:]++";

    private Segments() {}
}
