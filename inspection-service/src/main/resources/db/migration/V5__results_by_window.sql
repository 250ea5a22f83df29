-- The results feed by window start (what was assessed for a period, however late it was finalized):
-- scoring-service reads a month's results so.
CREATE INDEX ix_inspection_results_window ON inspection (window_start, id) WHERE status = 'FINALIZED';
