ALTER TABLE "milestones" ADD COLUMN "approval_type_code" text;--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "planned_finish" date;