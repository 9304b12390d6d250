CREATE TABLE `dc_column_sets` (
	`id` integer PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`columns` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dc_column_sets_uq` ON `dc_column_sets` (`table_name`,`columns`);--> statement-breakpoint
ALTER TABLE `dc_row_history` ADD `column_set_id` integer;--> statement-breakpoint
ALTER TABLE `dc_row_history` DROP COLUMN `content_hash`;