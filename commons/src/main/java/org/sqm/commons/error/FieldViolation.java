package org.sqm.commons.error;

/**
 * One invalid field of a request.
 *
 * @param field the path of the field in the request message, in proto naming, e.g. {@code unit.code}
 * @param description what is wrong with it, in words a caller can show to a person
 */
public record FieldViolation(String field, String description) {}
