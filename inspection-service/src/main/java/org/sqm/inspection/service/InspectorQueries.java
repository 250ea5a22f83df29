package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.sqm.commons.error.NotFoundException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.inspection.domain.InspectorEntity;
import org.sqm.inspection.repository.InspectorRepository;

/** Reads the register of inspectors: one by id, or pages of them. */
@ApplicationScoped
@Transactional
public class InspectorQueries {

    private static final String LIST_QUERY = "inspectors:by-certificate";

    private final InspectorRepository inspectors;
    private final PageTokens pageTokens;

    public InspectorQueries(InspectorRepository inspectors, PageTokens pageTokens) {
        this.inspectors = inspectors;
        this.pageTokens = pageTokens;
    }

    /** One page of inspectors and the token of the next page (empty at the end). */
    public record InspectorPage(List<InspectorEntity> inspectors, String nextPageToken) {}

    /** Returns the inspector with that id. */
    public InspectorEntity get(String id) {
        return inspectors
                .findByIdOptional(Violations.parseId("id", id))
                .orElseThrow(() -> new NotFoundException("inspector", id));
    }

    /** Lists inspectors ordered by certificate number. */
    public InspectorPage list(int pageSize, String pageToken) {
        int size = PageTokens.pageSize(pageSize);
        List<String> after = pageTokens.decode(pageToken, LIST_QUERY, 1);
        List<InspectorEntity> page =
                inspectors.pageByCertificateNumber(after.isEmpty() ? null : after.get(0), size + 1);
        if (page.size() <= size) {
            return new InspectorPage(page, "");
        }
        List<InspectorEntity> shown = List.copyOf(page.subList(0, size));
        return new InspectorPage(shown, pageTokens.encode(LIST_QUERY, shown.get(size - 1).certificateNumber));
    }
}
