-- 是否需要新增用地 told apart from "not stated" (issue 13: the gate condition 落实项目用地 passed while both land fields
-- were blank). Until now the column was NOT NULL DEFAULT false, so a form or sheet that never said anything stored
-- "no". From here on null = not stated, and the land gate fails on it.
ALTER TABLE "projects" ALTER COLUMN "needs_land" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "needs_land" DROP NOT NULL;--> statement-breakpoint
-- Existing rows (docs/status.md, issue 13; docs/operations.md "Upgrading"): true was always said, so it stays true.
-- A false is kept only where someone is on record as having said "no" — a project change in the audit log that set
-- 需要新增用地 to false (the last such change, as the value is false now). Every other false is the old default and
-- may mean "nobody said": it becomes null (not stated), and the project office states it before the project enters
-- implementing. The land fields beside it (用地是否落实, 用地面积) are left as they are. The projects changed move to a
-- new version, so an edit form open on the old value reloads rather than saving "no" back (updated_at is left alone).
UPDATE "projects" p
SET "needs_land" = NULL, "version" = p."version" + 1
WHERE p."needs_land" = false
  AND NOT EXISTS (
    SELECT 1 FROM "audit_events" a
    WHERE a."record_type" = 'project'
      AND a."record_id" = p."id"::text
      AND a."action" = 'projects.update'
      AND a."after" ->> 'needsLand' = 'false'
  );
