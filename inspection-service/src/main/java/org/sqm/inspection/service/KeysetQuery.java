package org.sqm.inspection.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.jpa.HibernateHints;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.paging.PageTokens;

/**
 * A filtered list read by keyset (AIP-158): the conditions of the filters that are set, sorted by a
 * time and then the id, resuming after the (time, id) of the last item of the previous page, so rows
 * inserted meanwhile never shift a page.
 */
final class KeysetQuery {

    private final String timeField;
    private final String direction;
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    private KeysetQuery(String timeField, boolean newestFirst) {
        this.timeField = timeField;
        this.direction = newestFirst ? "desc" : "asc";
    }

    static KeysetQuery newestFirst(String timeField) {
        return new KeysetQuery(timeField, true);
    }

    static KeysetQuery oldestFirst(String timeField) {
        return new KeysetQuery(timeField, false);
    }

    /** The id a filter names, or null when the filter is not set. */
    static UUID id(String value) {
        return Texts.emptyToNull(value) == null ? null : UUID.fromString(value);
    }

    /** Adds {@code condition} with its parameter {@code name}, unless the value is null (the filter is not set). */
    KeysetQuery where(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition} when the filter is set. */
    KeysetQuery whereIf(boolean set, String condition) {
        if (set) {
            where.append(" and ").append(condition);
        }
        return this;
    }

    /**
     * Reads the page after {@code pageToken}. The token is sealed by {@code tokens} and bound to
     * {@code listCall} (the list call's name and filters); it carries the (time, id) of the page's last item.
     */
    <T> PageTokens.Page<T> page(
            PanacheRepositoryBase<T, ?> repository,
            PageTokens tokens,
            String listCall,
            String pageToken,
            int pageSize,
            Function<T, Instant> time,
            Function<T, UUID> id) {
        int size = PageTokens.pageSize(pageSize);
        List<T> read = read(repository, tokens.decode(pageToken, listCall, 2), size, false);
        return tokens.page(
                read,
                size,
                listCall,
                row -> List.of(time.apply(row).toString(), id.apply(row).toString()));
    }

    /**
     * Up to {@code size} rows after ({@code afterTime}, {@code afterId}), or from the start when
     * {@code afterTime} is null: one batch of a feed that reads a whole period without page tokens.
     */
    <T> List<T> batch(PanacheRepositoryBase<T, ?> repository, Instant afterTime, UUID afterId, int size) {
        List<String> after = afterTime == null ? List.of() : List.of(afterTime.toString(), afterId.toString());
        return read(repository, after, size - 1, true);
    }

    /**
     * Up to {@code size + 1} rows after the key (time, id; empty for the first page): one more means more
     * follow. Read-only rows skip Hibernate's change-tracking snapshots (a deep copy of every JSON column),
     * which a feed that only reads them never needs.
     */
    private <T> List<T> read(PanacheRepositoryBase<T, ?> repository, List<String> after, int size, boolean readOnly) {
        Map<String, Object> all = new HashMap<>(params);
        String query = where.toString();
        if (!after.isEmpty()) {
            String beyond = direction.equals("desc") ? "<" : ">";
            // The first condition is implied by the second; it lets the index on the time start the
            // scan at the key instead of filtering every earlier row again on every page.
            query += " and " + timeField + " " + beyond + "= :afterTime and (" + timeField + " " + beyond
                    + " :afterTime or (" + timeField + " = :afterTime and id " + beyond + " :afterId))";
            all.put("afterTime", Instant.parse(after.get(0)));
            all.put("afterId", UUID.fromString(after.get(1)));
        }
        return repository
                .find(query + " order by " + timeField + " " + direction + ", id " + direction, all)
                .withHint(HibernateHints.HINT_READ_ONLY, readOnly)
                .range(0, size)
                .list();
    }
}
