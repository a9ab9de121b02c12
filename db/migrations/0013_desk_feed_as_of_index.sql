-- The desk feed as of a day reads events newest effective date first (db/feeds/feed-rows.ts,
-- rowsInEffectOn): without an index in that order SQLite read and sorted every event (about
-- 200 ms per request at 500,000 events, for any anonymous ?asof=); with it, it walks and stops.
CREATE INDEX `status_event_effective_idx` ON `status_event` (`effective_date`,`recorded_at`);