CREATE TABLE `dc_clusters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_th` text NOT NULL,
	`tambon_codes` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`operator` text,
	`removed_at` text
);
