package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** The withdrawal of a violation (an appeal upheld): a fact added to the ledger, at most one per violation. */
@Entity
@Immutable
@Table(name = "violation_withdrawal")
public class ViolationWithdrawalEntity {

    @Id
    @Column(name = "violation_id")
    public UUID violationId;

    @Column(nullable = false, length = 2000)
    public String reason;

    @Column(name = "withdrawn_by", nullable = false, length = 200)
    public String withdrawnBy;

    @Column(name = "withdraw_time", nullable = false)
    public Instant withdrawTime;
}
