CREATE TABLE `analysis_items` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`board` text NOT NULL,
	`text` text NOT NULL,
	`sort_key` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `forum_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`issue_id` text NOT NULL,
	`kind` text NOT NULL,
	`row_ids` text NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `strategic_issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `forum_decisions_issue_idx` ON `forum_decisions` (`issue_id`);--> statement-breakpoint
CREATE TABLE `forum_facilitators` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`names` text
);
--> statement-breakpoint
CREATE TABLE `forum_records` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`held_on` text,
	`place` text,
	`agenda` text,
	`minutes` text
);
--> statement-breakpoint
CREATE TABLE `forum_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`plan_name` text NOT NULL,
	`plan_revision` text,
	`first_year` integer NOT NULL,
	`year_count` integer NOT NULL,
	`vote_method` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `funders` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`funding_column` text NOT NULL,
	`sort_key` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`village_id` text,
	`role` text NOT NULL,
	`organisation` text,
	`group_issue_id` text,
	`attended` integer DEFAULT false NOT NULL,
	`sort_key` real NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_issue_id`) REFERENCES `strategic_issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participants_village_idx` ON `participants` (`village_id`);--> statement-breakpoint
CREATE TABLE `pcs_evidence_links` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`pcs_row_id` text NOT NULL,
	`evidence_key` text NOT NULL,
	`label` text NOT NULL,
	FOREIGN KEY (`pcs_row_id`) REFERENCES `pcs_rows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pcs_evidence_links_row_idx` ON `pcs_evidence_links` (`pcs_row_id`);--> statement-breakpoint
CREATE TABLE `pcs_rows` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`issue_id` text NOT NULL,
	`problem` text NOT NULL,
	`causes` text DEFAULT '' NOT NULL,
	`solutions` text DEFAULT '' NOT NULL,
	`source_village_ids` text DEFAULT '[]' NOT NULL,
	`sort_key` real NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `strategic_issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pcs_rows_issue_idx` ON `pcs_rows` (`issue_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`issue_id` text NOT NULL,
	`name` text NOT NULL,
	`work_plan` text,
	`objective` text,
	`target` text,
	`year_budgets` text DEFAULT '{}' NOT NULL,
	`duration` text,
	`village_ids` text DEFAULT '[]' NOT NULL,
	`funding` text DEFAULT '[]' NOT NULL,
	`kpi` text,
	`expected_result` text,
	`agency` text,
	`office_id` text,
	`pcs_row_ids` text DEFAULT '[]' NOT NULL,
	`feasibility` text,
	`fit` text,
	`status` text DEFAULT 'proposed' NOT NULL,
	`for_budget_act` integer DEFAULT false NOT NULL,
	`provincial_flag` integer DEFAULT false NOT NULL,
	`votes` integer,
	`sort_key` real NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `strategic_issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_issue_idx` ON `projects` (`issue_id`);--> statement-breakpoint
CREATE TABLE `village_items` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`how` text,
	`estimated_budget` integer,
	`issue_id` text,
	`sort_key` real NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `strategic_issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `village_items_village_idx` ON `village_items` (`village_id`);--> statement-breakpoint
CREATE INDEX `village_items_issue_idx` ON `village_items` (`issue_id`);--> statement-breakpoint
CREATE TABLE `village_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`revised` integer DEFAULT false NOT NULL,
	`revised_on` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `village_plans_live_village_uq` ON `village_plans` (`village_id`) WHERE deleted_at IS NULL;