CREATE TABLE `dc_column_sets` (
	`id` integer PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`columns` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dc_column_sets_uq` ON `dc_column_sets` (`table_name`,`columns`);--> statement-breakpoint
DROP TABLE `dc_accepted_rows`;--> statement-breakpoint
DROP TABLE `dc_rows`;--> statement-breakpoint
CREATE TABLE `__new_dc_row_history` (
	`tambon_code` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`seq` integer NOT NULL,
	`package_id` integer NOT NULL,
	`op` text NOT NULL,
	`content_hash` text,
	`content` text,
	`column_set_id` integer,
	PRIMARY KEY(`tambon_code`, `table_name`, `row_id`, `seq`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Written by hand: the revisions so far (content as objects, no column set) keep their hash; a
-- tombstone that changed again was a change then and is a deletion now, as every tombstone is.
INSERT INTO `__new_dc_row_history`("tambon_code", "table_name", "row_id", "seq", "package_id", "op", "content_hash", "content", "column_set_id")
SELECT "tambon_code", "table_name", "row_id", "seq", "package_id",
  CASE WHEN json_valid("content") AND json_extract("content", '$.deleted_at') IS NOT NULL THEN 'deleted' ELSE "op" END,
  "content_hash", "content", NULL FROM `dc_row_history`;--> statement-breakpoint
DROP TABLE `dc_row_history`;--> statement-breakpoint
ALTER TABLE `__new_dc_row_history` RENAME TO `dc_row_history`;--> statement-breakpoint
ALTER TABLE `dc_packages` ADD `live_rows` text;
