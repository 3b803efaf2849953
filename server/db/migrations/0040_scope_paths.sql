-- The matters a reader of the `own` scope sees, read through indexes instead of every matter of the district
-- (docs/performance.md "The leader's path at the province"): the matters he raised, and those of the projects he
-- created (the projects he is in charge of come through project_leaders_user_idx and matters_project_idx).
CREATE INDEX "projects_created_by_idx" ON "projects" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "matters_raised_by_idx" ON "matters" USING btree ("raised_by");
