CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator` text,
	`action` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`framework_id` text NOT NULL,
	`name_th` text NOT NULL,
	`province_code` text
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`is_host` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategic_issues` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`framework_row_id` text NOT NULL,
	`no` integer NOT NULL,
	`name_th` text NOT NULL,
	FOREIGN KEY (`framework_row_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `strategic_issues_framework_idx` ON `strategic_issues` (`framework_row_id`);--> statement-breakpoint
CREATE TABLE `tambon` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name_th` text NOT NULL,
	`name_en` text NOT NULL,
	`district_code` text NOT NULL,
	`district_name_th` text NOT NULL,
	`province_code` text NOT NULL,
	`province_name_th` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `village_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`headman` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `village_contacts_village_uq` ON `village_contacts` (`village_id`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`moo` integer NOT NULL,
	`name` text NOT NULL,
	`code` text,
	`households` integer,
	`population` integer,
	`is_community` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_live_moo_uq` ON `villages` (`moo`) WHERE deleted_at IS NULL;