package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.sqm.inspection.domain.PinnedStandardEntity;

/** Reads and writes the local copies of pinned standard versions. */
@ApplicationScoped
public class PinnedStandardRepository implements PanacheRepositoryBase<PinnedStandardEntity, UUID> {}
