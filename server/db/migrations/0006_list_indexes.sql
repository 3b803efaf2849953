DROP INDEX "projects_updated_idx";--> statement-breakpoint
CREATE INDEX "projects_updated_id_idx" ON "projects" USING btree ("updated_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "projects_investment_id_idx" ON "projects" USING btree ("total_investment_yuan" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "projects_code_prefix_idx" ON "projects" USING btree ("code" text_pattern_ops);