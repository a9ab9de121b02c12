-- Data migrations that need the app's code (re-deriving article bodies under a new rule) run
-- after the SQL migrations, from the migrate step (npm run db:migrate, and the server's start:
-- db/data-migrations/run-data-migrations.ts), never from opening the database. This table
-- records which have run, so each runs once. The first is CJK line joining (issue 16).
CREATE TABLE `data_migration` (
	`name` text PRIMARY KEY NOT NULL,
	`applied_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
