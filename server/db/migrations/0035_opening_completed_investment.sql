ALTER TABLE "projects" ADD COLUMN "opening_completed_yuan" bigint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "opening_completed_as_of" date;