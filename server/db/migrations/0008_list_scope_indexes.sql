DROP INDEX "projects_region_pool_idx";--> statement-breakpoint
CREATE INDEX "projects_region_pool_unit_idx" ON "projects" USING btree ("region_code","pool","lead_unit_id");--> statement-breakpoint
CREATE INDEX "projects_name_order_idx" ON "projects" USING btree ("name_pinyin","name","id");