CREATE TABLE `self_test_rows` (
	`seq` integer PRIMARY KEY NOT NULL,
	`job_id` text NOT NULL,
	`payload` text NOT NULL
);
