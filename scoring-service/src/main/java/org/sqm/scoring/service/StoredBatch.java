package org.sqm.scoring.service;

import java.util.List;
import org.sqm.scoring.domain.BatchItemEntity;
import org.sqm.scoring.domain.InputBatchEntity;

/**
 * A recorded batch with its items, and the batch id of the correction that superseded it (null while
 * it is current).
 */
public record StoredBatch<E extends BatchItemEntity>(InputBatchEntity header, String supersededBy, List<E> items) {}
