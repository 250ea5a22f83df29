package org.sqm.complaint.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.sqm.complaint.domain.ComplaintCategoryEntity;

/** Reads the complaint categories. */
@ApplicationScoped
public class ComplaintCategoryRepository implements PanacheRepositoryBase<ComplaintCategoryEntity, String> {}
