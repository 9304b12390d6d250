ALTER TABLE `pcs_rows` ADD `import_id` text REFERENCES imports(id);--> statement-breakpoint
CREATE INDEX `pcs_rows_import_idx` ON `pcs_rows` (`import_id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `import_id` text REFERENCES imports(id);--> statement-breakpoint
CREATE INDEX `projects_import_idx` ON `projects` (`import_id`);--> statement-breakpoint
ALTER TABLE `village_items` ADD `import_id` text REFERENCES imports(id);--> statement-breakpoint
CREATE INDEX `village_items_import_idx` ON `village_items` (`import_id`);