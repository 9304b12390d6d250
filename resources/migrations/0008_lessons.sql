CREATE TABLE `lesson_recorders` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`lesson_id` text NOT NULL,
	`recorder_name` text NOT NULL,
	FOREIGN KEY (`lesson_id`) REFERENCES `lessons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesson_recorders_live_uq` ON `lesson_recorders` (`lesson_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`title` text NOT NULL,
	`held_on` text,
	`place` text,
	`story` text DEFAULT '' NOT NULL,
	`knowledge_assets` text DEFAULT '' NOT NULL,
	`core_competency` text DEFAULT '' NOT NULL,
	`strategy` text DEFAULT '' NOT NULL,
	`related_rules` text DEFAULT '' NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`target_kind` text,
	`target_id` text
);
--> statement-breakpoint
CREATE INDEX `lessons_target_idx` ON `lessons` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE TABLE `project_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`project_id` text NOT NULL,
	`reported_on` text NOT NULL,
	`percent` integer NOT NULL,
	`status` text NOT NULL,
	`funded_amount` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_updates_project_idx` ON `project_updates` (`project_id`,`reported_on`);--> statement-breakpoint
-- Keyword search of the lessons: FTS5 with the trigram tokenizer finds any run of 3+ characters
-- inside Thai text (no spaces between words). Its own copy of the text, keyed by lesson_id
-- (see src/main/db/schema/lessons.ts); kept in step by the triggers below.
CREATE VIRTUAL TABLE `lessons_fts` USING fts5(`lesson_id` UNINDEXED, `title`, `place`, `story`, `knowledge_assets`, `core_competency`, `strategy`, `related_rules`, `keywords`, tokenize = 'trigram');--> statement-breakpoint
CREATE TRIGGER `lessons_fts_insert` AFTER INSERT ON `lessons` BEGIN
  INSERT INTO `lessons_fts` (`lesson_id`, `title`, `place`, `story`, `knowledge_assets`, `core_competency`, `strategy`, `related_rules`, `keywords`)
  VALUES (new.`id`, new.`title`, coalesce(new.`place`, ''), new.`story`, new.`knowledge_assets`, new.`core_competency`, new.`strategy`, new.`related_rules`, new.`keywords`);
END;--> statement-breakpoint
CREATE TRIGGER `lessons_fts_update` AFTER UPDATE ON `lessons` BEGIN
  DELETE FROM `lessons_fts` WHERE `lesson_id` = old.`id`;
  INSERT INTO `lessons_fts` (`lesson_id`, `title`, `place`, `story`, `knowledge_assets`, `core_competency`, `strategy`, `related_rules`, `keywords`)
  VALUES (new.`id`, new.`title`, coalesce(new.`place`, ''), new.`story`, new.`knowledge_assets`, new.`core_competency`, new.`strategy`, new.`related_rules`, new.`keywords`);
END;--> statement-breakpoint
CREATE TRIGGER `lessons_fts_delete` AFTER DELETE ON `lessons` BEGIN
  DELETE FROM `lessons_fts` WHERE `lesson_id` = old.`id`;
END;
