CREATE TABLE `community_organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`village_id` text,
	`kind` text NOT NULL,
	`members` integer,
	`capital` real,
	`sort_key` real NOT NULL,
	`import_id` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `community_organisations_import_idx` ON `community_organisations` (`import_id`);--> statement-breakpoint
CREATE TABLE `learning_centres` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`village_id` text,
	`activities` text,
	`people_served` integer,
	`sort_key` real NOT NULL,
	`import_id` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `learning_centres_import_idx` ON `learning_centres` (`import_id`);--> statement-breakpoint
CREATE TABLE `register_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`settings` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `village_leaders` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`phone` text,
	`training` text,
	`successor` text,
	`self_assessment` text DEFAULT '{}' NOT NULL,
	`sort_key` real NOT NULL,
	`import_id` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `village_leaders_village_idx` ON `village_leaders` (`village_id`);--> statement-breakpoint
CREATE INDEX `village_leaders_import_idx` ON `village_leaders` (`import_id`);--> statement-breakpoint
CREATE TABLE `welfare_fund_years` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`fund_id` text NOT NULL,
	`year` integer NOT NULL,
	`members` integer,
	`contributions` real,
	`benefits` text DEFAULT '{}' NOT NULL,
	`import_id` text,
	FOREIGN KEY (`fund_id`) REFERENCES `welfare_funds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_fund_years_fund_idx` ON `welfare_fund_years` (`fund_id`);--> statement-breakpoint
CREATE INDEX `welfare_fund_years_import_idx` ON `welfare_fund_years` (`import_id`);--> statement-breakpoint
CREATE TABLE `welfare_funds` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`village_id` text,
	`tier` text NOT NULL,
	`start_year` integer,
	`members` integer,
	`monthly_contribution` real,
	`sort_key` real NOT NULL,
	`import_id` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_funds_import_idx` ON `welfare_funds` (`import_id`);--> statement-breakpoint
CREATE TABLE `welfare_plan_items` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`fund_id` text NOT NULL,
	`heading` integer NOT NULL,
	`activity` text NOT NULL,
	`due_date` text,
	`done` integer DEFAULT false NOT NULL,
	`sort_key` real NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `welfare_funds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_plan_items_fund_idx` ON `welfare_plan_items` (`fund_id`);--> statement-breakpoint
CREATE TABLE `working_group` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`position` text,
	`sector` text,
	`organisation` text,
	`phone` text,
	`sort_key` real NOT NULL
);
