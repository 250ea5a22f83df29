package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.sqm.inspection.domain.FindingEntity;

/** Writes findings; they are read with their orders. */
@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<FindingEntity, UUID> {}
