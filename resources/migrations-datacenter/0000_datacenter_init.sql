CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator` text,
	`action` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dc_acceptances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tambon_code` text NOT NULL,
	`package_sha256` text NOT NULL,
	`seq` integer NOT NULL,
	`at` text NOT NULL,
	`operator` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `dc_acceptances_tambon_idx` ON `dc_acceptances` (`tambon_code`);--> statement-breakpoint
CREATE TABLE `dc_accepted_rows` (
	`tambon_code` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`history_id` integer NOT NULL,
	PRIMARY KEY(`tambon_code`, `table_name`, `row_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `dc_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tambon_code` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`valid_from_seq` integer DEFAULT 1 NOT NULL,
	`revoked_after_seq` integer,
	`enrolled_by` text NOT NULL,
	`enrolled_at` text NOT NULL,
	`operator` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dc_keys_key_id_uq` ON `dc_keys` (`key_id`);--> statement-breakpoint
CREATE INDEX `dc_keys_tambon_idx` ON `dc_keys` (`tambon_code`);--> statement-breakpoint
CREATE TABLE `dc_packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`tambon_code` text NOT NULL,
	`seq` integer NOT NULL,
	`package_id` text NOT NULL,
	`key_id` text NOT NULL,
	`status` text NOT NULL,
	`file_name` text NOT NULL,
	`archive_path` text NOT NULL,
	`bytes` integer NOT NULL,
	`manifest` text NOT NULL,
	`created_at` text NOT NULL,
	`imported_at` text NOT NULL,
	`operator` text,
	`missing_seqs` text DEFAULT '[]' NOT NULL,
	`tables` text DEFAULT '{}' NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dc_packages_sha_uq` ON `dc_packages` (`sha256`);--> statement-breakpoint
CREATE INDEX `dc_packages_tambon_seq_idx` ON `dc_packages` (`tambon_code`,`seq`);--> statement-breakpoint
CREATE TABLE `dc_quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`reason_code` text NOT NULL,
	`reason_th` text NOT NULL,
	`reason_en` text NOT NULL,
	`tambon_code` text,
	`seq` integer,
	`stored_path` text NOT NULL,
	`bytes` integer NOT NULL,
	`at` text NOT NULL,
	`operator` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dc_quarantine_sha_uq` ON `dc_quarantine` (`sha256`);--> statement-breakpoint
CREATE TABLE `dc_row_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`tambon_code` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`seq` integer NOT NULL,
	`package_id` integer NOT NULL,
	`op` text NOT NULL,
	`content_hash` text,
	`content` text
);
--> statement-breakpoint
CREATE TABLE `dc_rows` (
	`tambon_code` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`content_hash` text NOT NULL,
	`history_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`tambon_code`, `table_name`, `row_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
