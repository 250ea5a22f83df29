package org.sqm.inspection.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.sqm.inspection.domain.RectificationOrderEntity;

/** Reads and writes rectification orders. */
@ApplicationScoped
public class RectificationOrderRepository implements PanacheRepositoryBase<RectificationOrderEntity, UUID> {}
