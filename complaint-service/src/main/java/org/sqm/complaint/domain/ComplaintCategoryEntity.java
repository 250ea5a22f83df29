package org.sqm.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category complaints are filed under. */
@Entity
@Table(name = "complaint_category")
public class ComplaintCategoryEntity {

    @Id
    @Column(length = 40)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;
}
