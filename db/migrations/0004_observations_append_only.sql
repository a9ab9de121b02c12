-- Later values of a figure are history too: never rewritten or removed.
CREATE TRIGGER `quantity_observation_no_update`
BEFORE UPDATE ON `quantity_observation`
BEGIN
  SELECT RAISE(ABORT, 'quantity observations are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `quantity_observation_no_delete`
BEFORE DELETE ON `quantity_observation`
BEGIN
  SELECT RAISE(ABORT, 'quantity observations are append-only');
END;
