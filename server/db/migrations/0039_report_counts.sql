-- 未报送's and the periods' counts kept per period, responsible unit, state and lateness, split by the district and lead
-- unit of the reports' projects (docs/performance.md "未报送: counts kept"). Filled at start-up from the reports
-- (fillReportCountsIfEmpty), then kept by every write of reports (server/modules/projects/report-counts.ts).
-- progress_reports_unit_idx gains the period and state: one unit's reports of a period in a state (未报送's page of a
-- unit) are one range of it instead of the unit's reports of every month ANDed with the period's.
CREATE TABLE "report_counts" (
	"period_id" uuid NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"late" boolean NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"reports" integer NOT NULL,
	CONSTRAINT "report_counts_period_id_responsible_unit_id_status_late_region_code_unit_id_pk" PRIMARY KEY("period_id","responsible_unit_id","status","late","region_code","unit_id")
);
--> statement-breakpoint
DROP INDEX "progress_reports_unit_idx";--> statement-breakpoint
ALTER TABLE "report_counts" ADD CONSTRAINT "report_counts_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_reports_unit_idx" ON "progress_reports" USING btree ("responsible_unit_id","period_id","status");