package org.sqm.scoring.service;

/**
 * The 97.5 % quantile of Student's t distribution, for two-sided 95 % confidence intervals of a mean:
 * exact to nine decimals from a table up to 30 degrees of freedom, and from the Cornish-Fisher
 * expansion around the normal quantile above (off by less than 1e-7 there).
 */
final class StudentT {

    private static final double[] TABLE = {
        12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851,
        2.364624252, 2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
        2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
        2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
        2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456
    };
    private static final double Z = 1.959963984540054;

    private StudentT() {}

    /** t(0.975, df) for {@code df >= 1}. */
    static double quantile975(long df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1");
        }
        if (df <= TABLE.length) {
            return TABLE[(int) df - 1];
        }
        double z2 = Z * Z;
        double g1 = (z2 + 1) * Z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * Z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * Z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * Z / 92160;
        double n = df;
        return Z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n);
    }
}
