CREATE TABLE `package_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`package_id` text NOT NULL,
	`sha256` text NOT NULL,
	`bytes` integer NOT NULL,
	`households` integer NOT NULL,
	`key_id` text NOT NULL,
	`file` text NOT NULL,
	`created_at` text NOT NULL,
	`operator` text,
	`rows` text NOT NULL
);
