package org.sqm.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesMatchTheDistributionInTheTableAndBeyondIt() {
        // Reference values: scipy.stats.t.ppf(0.975, df).
        assertEquals(12.706204736, StudentT.quantile975(1), 1e-9);
        assertEquals(3.182446305, StudentT.quantile975(3), 1e-9);
        assertEquals(2.042272456, StudentT.quantile975(30), 1e-9);
        assertEquals(2.039513446, StudentT.quantile975(31), 1e-7);
        assertEquals(2.000297822, StudentT.quantile975(60), 1e-8);
        assertEquals(1.979930405, StudentT.quantile975(120), 1e-9);
        assertEquals(1.962339081, StudentT.quantile975(1000), 1e-9);
    }

    @Test
    void quantilesFallTowardsTheNormalOneAsTheSampleGrows() {
        for (long df = 1; df < 500; df++) {
            assertTrue(StudentT.quantile975(df + 1) < StudentT.quantile975(df), "df " + df);
        }
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile975(0));
    }
}
