package org.sqm.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.FieldChange;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;

/**
 * Reads this service's audit trail (db/audit) one resource at a time, oldest first, in pages: what each
 * service's {@code AuditService} answers.
 */
@ApplicationScoped
public class AuditEvents {

    private static final String READ = "select e.sequence, e.occurred_at, e.actor, e.action, e.request_id, e.resource,"
            + " e.record, e.operation, c ->> 'field', (c -> 'before')::text, (c -> 'after')::text,"
            + " coalesce((c ->> 'redacted')::boolean, false)"
            + " from (select * from audit_event where resource = ? and sequence > ? order by sequence limit ?) e"
            + " left join lateral jsonb_array_elements(sqm_audit_changes(e.changes)) c on true order by e.sequence";

    private final Instance<DataSource> dataSource;
    private final PageTokens pageTokens;

    public AuditEvents(Instance<DataSource> dataSource, PageTokens pageTokens) {
        this.dataSource = dataSource;
        this.pageTokens = pageTokens;
    }

    public ListAuditEventsResponse list(ListAuditEventsRequest request) {
        String resource = request.getResource().trim();
        if (resource.isEmpty() || !resource.contains("/") || resource.length() > 300) {
            throw new InvalidArgumentException(
                    "resource", "name a resource as the REST API does, e.g. complaints/{id}");
        }
        int size = PageTokens.pageSize(request.getPageSize());
        String query = "audit:" + resource;
        long after = request.getPageToken().isEmpty()
                ? 0
                : Long.parseLong(
                        pageTokens.decode(request.getPageToken(), query, 1).get(0));
        List<AuditEvent.Builder> read = new ArrayList<>();
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement select = connection.prepareStatement(READ)) {
            select.setString(1, resource);
            select.setLong(2, after);
            select.setInt(3, size + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    if (read.isEmpty() || read.get(read.size() - 1).getSequence() != sequence) {
                        read.add(event(rows));
                    }
                    if (rows.getString(9) != null) {
                        read.get(read.size() - 1).addChanges(change(rows));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail failed", e);
        }
        PageTokens.Page<AuditEvent> page = pageTokens.page(
                read.stream().map(AuditEvent.Builder::build).toList(),
                size,
                query,
                e -> List.of(Long.toString(e.getSequence())));
        return ListAuditEventsResponse.newBuilder()
                .addAllEvents(page.items())
                .setNextPageToken(page.nextPageToken())
                .build();
    }

    private static AuditEvent.Builder event(ResultSet row) throws SQLException {
        return AuditEvent.newBuilder()
                .setSequence(row.getLong(1))
                .setTime(ProtoTime.timestamp(row.getTimestamp(2).toInstant()))
                .setActor(row.getString(3))
                .setAction(row.getString(4))
                .setRequestId(row.getString(5))
                .setResource(row.getString(6))
                .setRecord(row.getString(7))
                .setOperation(row.getString(8));
    }

    private static FieldChange change(ResultSet row) throws SQLException {
        FieldChange.Builder change =
                FieldChange.newBuilder().setField(row.getString(9)).setRedacted(row.getBoolean(12));
        if (row.getString(10) != null) {
            change.setBefore(row.getString(10));
        }
        if (row.getString(11) != null) {
            change.setAfter(row.getString(11));
        }
        return change.build();
    }
}
