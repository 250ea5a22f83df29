package org.sqm.scoring.service;

import java.util.List;

/**
 * A batch as a caller sends it: its id, source, the batch it corrects (null for none), the declared
 * scale of a survey (null for other kinds), and its items.
 */
public record NewBatch<I>(
        String batchId, String source, String supersedesBatchId, Double scaleMin, Double scaleMax, List<I> items) {}
