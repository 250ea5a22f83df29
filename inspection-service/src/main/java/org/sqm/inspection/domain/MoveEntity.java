package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One move of an inspection or an order: who made it, when, from which status to which, and the note.
 * Appended, never changed (a database trigger refuses updates and deletes).
 */
@Entity
@Table(name = "move_history")
public class MoveEntity {

    /** What a move is about. */
    public enum Subject {
        INSPECTION,
        RECTIFICATION,
        SUPERVISION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = 20)
    public Subject subject;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "move_time", nullable = false)
    public Instant time;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false, length = 30)
    public String action;

    /** The status name before the move; null for the move that created the subject. */
    @Column(name = "from_status", length = 20)
    public String fromStatus;

    @Column(name = "to_status", nullable = false, length = 20)
    public String toStatus;

    @Column(length = 4000)
    public String note;
}
