package org.sqm.inspection.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.domain.MoveEntity;
import org.sqm.inspection.repository.MoveRepository;

/**
 * The history of moves of inspections and orders, written inside the transaction of the move it
 * records, so a move and its record commit together or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Moves {

    /** The actor of a move whose request named none. */
    static final String API = "api";

    static final int MAX_ACTOR = 100;

    private final MoveRepository moves;

    public Moves(MoveRepository moves) {
        this.moves = moves;
    }

    /** Checks the actor a request names (optional, at most 100 characters). */
    static Violations checkActor(Violations v, String actor) {
        return v.maxLength("actor", actor, MAX_ACTOR);
    }

    /** The actor a request named, or {@code api} when it named none. */
    static String actorOrApi(String actor) {
        return Texts.notBlank(actor) ? actor.strip() : API;
    }

    /** Appends a move; {@code from} is null for the move that created the subject. */
    public void record(
            MoveEntity.Subject subject,
            UUID subjectId,
            Instant time,
            String actor,
            String action,
            Enum<?> from,
            Enum<?> to,
            String note) {
        MoveEntity move = new MoveEntity();
        move.subject = subject;
        move.subjectId = subjectId;
        move.time = time;
        move.actor = actorOrApi(actor);
        move.action = action;
        move.fromStatus = from == null ? null : from.name();
        move.toStatus = to.name();
        String text = Texts.blankToNull(note);
        move.note = text == null ? null : Texts.truncate(text.strip(), 4000);
        moves.persist(move);
    }

    /** The moves of an inspection or order, oldest first. */
    public List<MoveEntity> history(UUID subjectId) {
        return moves.history(subjectId);
    }
}
