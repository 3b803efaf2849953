ALTER TABLE "score_snapshot_items" ADD COLUMN "group_name" text;--> statement-breakpoint
ALTER TABLE "scoring_rules" ADD COLUMN "groups" jsonb;