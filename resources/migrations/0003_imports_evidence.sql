CREATE TABLE `evidence_items` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`value_text` text NOT NULL,
	`value_number` real,
	`unit` text,
	`figure_key` text NOT NULL,
	`village_id` text,
	`source_import_id` text,
	`source_label` text NOT NULL,
	`data_date` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_items_figure_idx` ON `evidence_items` (`figure_key`);--> statement-breakpoint
CREATE TABLE `income_thresholds` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`set_id` text NOT NULL,
	`survey_year` integer NOT NULL,
	`amount` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `income_thresholds_live_uq` ON `income_thresholds` (`set_id`,`survey_year`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `indicator_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`set_id` text NOT NULL,
	`definition` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_sets_live_uq` ON `indicator_sets` (`set_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `indicator_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`set_id` text NOT NULL,
	`indicator_no` integer NOT NULL,
	`target_percent` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_targets_live_uq` ON `indicator_targets` (`set_id`,`indicator_no`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `bmn_households` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`import_id` text NOT NULL,
	`survey_year` integer NOT NULL,
	`set_id` text NOT NULL,
	`village_id` text NOT NULL,
	`household_key` text NOT NULL,
	`house_code` text,
	`house_no` text,
	`members` integer,
	`answers` text NOT NULL,
	`income_main` real,
	`income_secondary` real,
	`income_other` real,
	`income_own_produce` real,
	`source_sheet` text,
	`source_row` integer,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bmn_households_live_key_uq` ON `bmn_households` (`survey_year`,`household_key`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `bmn_households_year_village_idx` ON `bmn_households` (`survey_year`,`village_id`);--> statement-breakpoint
CREATE INDEX `bmn_households_import_idx` ON `bmn_households` (`import_id`);--> statement-breakpoint
CREATE TABLE `bmn_village_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`survey_id` text NOT NULL,
	`import_id` text NOT NULL,
	`indicator_no` integer NOT NULL,
	`in_scope` integer NOT NULL,
	`failing` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `bmn_village_surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bmn_village_indicators_survey_idx` ON `bmn_village_indicators` (`survey_id`);--> statement-breakpoint
CREATE INDEX `bmn_village_indicators_import_idx` ON `bmn_village_indicators` (`import_id`);--> statement-breakpoint
CREATE TABLE `bmn_village_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`import_id` text NOT NULL,
	`survey_year` integer NOT NULL,
	`set_id` text NOT NULL,
	`village_id` text NOT NULL,
	`households` integer,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bmn_village_surveys_live_uq` ON `bmn_village_surveys` (`survey_year`,`village_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `bmn_village_surveys_import_idx` ON `bmn_village_surveys` (`import_id`);--> statement-breakpoint
CREATE TABLE `household_account_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`import_id` text NOT NULL,
	`village_id` text NOT NULL,
	`household_key` text NOT NULL,
	`date` text NOT NULL,
	`category` text NOT NULL,
	`amount` real NOT NULL,
	`source_row` integer,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `household_account_lines_village_idx` ON `household_account_lines` (`village_id`,`date`);--> statement-breakpoint
CREATE INDEX `household_account_lines_import_idx` ON `household_account_lines` (`import_id`);--> statement-breakpoint
CREATE TABLE `import_layouts` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`mapping` text NOT NULL,
	`category_map` text DEFAULT '{}' NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_problems` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` text NOT NULL,
	`sheet` text NOT NULL,
	`row` integer NOT NULL,
	`column` integer,
	`code` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_problems_import_idx` ON `import_problems` (`import_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`survey_year` integer,
	`operator` text,
	`imported_at` text NOT NULL,
	`rows_read` integer NOT NULL,
	`rows_imported` integer NOT NULL,
	`rows_rejected` integer NOT NULL,
	`status` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imports_sha256_idx` ON `imports` (`sha256`);--> statement-breakpoint
CREATE TABLE `village_table_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`table_id` text NOT NULL,
	`import_id` text NOT NULL,
	`village_id` text NOT NULL,
	`grade` integer,
	`source_row` integer,
	FOREIGN KEY (`table_id`) REFERENCES `village_tables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `village_table_rows_table_idx` ON `village_table_rows` (`table_id`);--> statement-breakpoint
CREATE INDEX `village_table_rows_import_idx` ON `village_table_rows` (`import_id`);--> statement-breakpoint
CREATE TABLE `village_table_values` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`row_id` text NOT NULL,
	`import_id` text NOT NULL,
	`column` integer NOT NULL,
	`label` text NOT NULL,
	`value_number` real,
	`value_text` text,
	FOREIGN KEY (`row_id`) REFERENCES `village_table_rows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `village_table_values_row_idx` ON `village_table_values` (`row_id`);--> statement-breakpoint
CREATE INDEX `village_table_values_import_idx` ON `village_table_values` (`import_id`);--> statement-breakpoint
CREATE TABLE `village_tables` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`import_id` text NOT NULL,
	`table_kind` text NOT NULL,
	`name` text NOT NULL,
	`survey_year` integer,
	`columns` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `village_tables_import_idx` ON `village_tables` (`import_id`);