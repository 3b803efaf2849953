ALTER TABLE "dashboard_figures" ADD COLUMN "listed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_figures" ADD COLUMN "listed_investment_yuan" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_figures" ADD COLUMN "live_started" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_figures" ADD COLUMN "reported_months" bigint[] DEFAULT '{0,0,0,0,0,0,0,0,0,0,0,0}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_project_shares" ADD COLUMN "listed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_project_shares" ADD COLUMN "listed_investment_yuan" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_project_shares" ADD COLUMN "live_started" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_project_shares" ADD COLUMN "reported_months" bigint[] DEFAULT '{0,0,0,0,0,0,0,0,0,0,0,0}'::bigint[] NOT NULL;--> statement-breakpoint
CREATE INDEX "projects_warning_investment_idx" ON "projects" USING btree ("warning_level" DESC NULLS LAST,"total_investment_yuan" DESC NULLS LAST,"id");--> statement-breakpoint
-- The kept figures are derived: emptied here, they are built again with the new columns at start-up
-- (fillDashboardFiguresIfEmpty, which runs after the migrations when projects exist and no shares do).
DELETE FROM "dashboard_project_shares";--> statement-breakpoint
DELETE FROM "dashboard_figures";
