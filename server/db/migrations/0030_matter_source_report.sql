ALTER TABLE "matters" ADD COLUMN "source_report_id" uuid;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_source_report_id_progress_reports_id_fk" FOREIGN KEY ("source_report_id") REFERENCES "public"."progress_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matters_source_report_idx" ON "matters" USING btree ("source_report_id");