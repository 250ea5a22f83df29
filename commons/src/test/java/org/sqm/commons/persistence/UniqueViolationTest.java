package org.sqm.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

    @Test
    void findsTheConstraintNameDeepInTheCauseChain() {
        var sql = new SQLException(
                "ERROR: duplicate key value violates unique constraint \"uk_unit_code\"\n  Detail: Key (code)=(A)",
                "23505");
        var wrapped = new RuntimeException("commit failed", new IllegalStateException("flush", sql));
        assertEquals(Optional.of("uk_unit_code"), UniqueViolation.constraintOf(wrapped));
    }

    @Test
    void aBatchedStatementsValuesWithQuotesDoNotHideTheName() {
        var batch = new java.sql.BatchUpdateException(
                "Batch entry 0 insert into scoring_model (code, definition) values ('HALL', '{\"components\": []}')"
                        + " was aborted: ERROR: duplicate key value violates unique constraint \"uk_model_one_draft\"",
                "23505",
                new int[0]);
        batch.setNextException(new SQLException(
                "ERROR: duplicate key value violates unique constraint \"uk_model_one_draft\"", "23505"));
        assertEquals(Optional.of("uk_model_one_draft"), UniqueViolation.constraintOf(batch));
    }

    @Test
    void otherFailuresAreNoUniqueViolation() {
        assertTrue(UniqueViolation.constraintOf(new SQLException("fk", "23503")).isEmpty());
        assertTrue(UniqueViolation.constraintOf(new RuntimeException("x")).isEmpty());
    }
}
