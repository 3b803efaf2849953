DROP INDEX "projects_region_warning_idx";--> statement-breakpoint
CREATE INDEX "projects_region_warning_unit_idx" ON "projects" USING btree ("region_code","warning_level","lead_unit_id");
--> statement-breakpoint
-- The project list's filters combine correlated columns (a city key project is rarely a new start): without joint
-- statistics the planner multiplies their selectivities, expects thousands of matches where there are ten, and walks
-- the sort's index through all 100,000 projects (330 ms) instead of sorting the ten (EXPLAIN ANALYZE, 2026-12-06).
CREATE STATISTICS IF NOT EXISTS "projects_kind_stats" (mcv, dependencies) ON "nature", "is_city_key", "is_provincial_key", "pool" FROM "projects";
--> statement-breakpoint
ANALYZE "projects";
