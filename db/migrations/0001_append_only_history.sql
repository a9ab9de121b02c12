-- Published status events and the audit log are history: the database itself refuses to
-- rewrite or remove them, whatever code path tries. Drafts may still be edited or deleted.
CREATE TRIGGER `status_event_published_no_update`
BEFORE UPDATE ON `status_event`
WHEN OLD.`visibility` = 'published'
BEGIN
  SELECT RAISE(ABORT, 'published status events are append-only: record a correction instead');
END;
--> statement-breakpoint
CREATE TRIGGER `status_event_published_no_delete`
BEFORE DELETE ON `status_event`
WHEN OLD.`visibility` = 'published'
BEGIN
  SELECT RAISE(ABORT, 'published status events are append-only: record a correction instead');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update`
BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete`
BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
