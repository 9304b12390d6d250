CREATE TABLE `assessment_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`round_id` text NOT NULL,
	`evidence_item_id` text NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `assessment_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_item_id`) REFERENCES `evidence_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_evidence_round_idx` ON `assessment_evidence` (`round_id`);--> statement-breakpoint
CREATE TABLE `assessment_frameworks` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`framework_id` text NOT NULL,
	`definition` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `assessment_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`round_id` text NOT NULL,
	`name` text NOT NULL,
	`village_id` text,
	`role` text,
	FOREIGN KEY (`round_id`) REFERENCES `assessment_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_participants_round_idx` ON `assessment_participants` (`round_id`);--> statement-breakpoint
CREATE TABLE `assessment_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`label` text NOT NULL,
	`round_date` text,
	`notes` text,
	`framework_id` text NOT NULL,
	`participant_count` integer DEFAULT 0 NOT NULL,
	`import_id` text,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_rounds_label_live_uq` ON `assessment_rounds` (`label`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `assessment_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`round_id` text NOT NULL,
	`village_id` text,
	`criterion_no` text NOT NULL,
	`score` real NOT NULL,
	`import_id` text,
	`replaced_by_import_id` text,
	FOREIGN KEY (`round_id`) REFERENCES `assessment_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaced_by_import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_scores_round_idx` ON `assessment_scores` (`round_id`);--> statement-breakpoint
CREATE INDEX `assessment_scores_replaced_idx` ON `assessment_scores` (`replaced_by_import_id`);