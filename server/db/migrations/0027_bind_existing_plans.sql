-- One fact in one place, for installations from before it (issue 13). Runs once, like every migration; a new
-- installation has no templates or plans yet and is seeded bound.
--
-- 1. Stored plan templates: a milestone named as a seeded binding names (施工许可 ↔ construct_permit …) and carrying no
--    binding key gets it. An item that already has the key (even null) is left as it is.
WITH bindings(name, code) AS (
  VALUES ('立项审批', 'approval'), ('立项', 'approval'), ('立项备案', 'filing'), ('供地', 'land_contract'),
         ('土地出让', 'land_contract'), ('规划许可', 'proj_plan_permit'), ('环境影响评价', 'eia'),
         ('施工许可', 'construct_permit')
)
UPDATE "plan_templates" t
SET "items" = (
      SELECT jsonb_agg(
               CASE WHEN b.code IS NOT NULL AND NOT (e.item ? 'approvalTypeCode')
                    THEN e.item || jsonb_build_object('approvalTypeCode', b.code)
                    ELSE e.item END
               ORDER BY e.ord)
      FROM jsonb_array_elements(t."items") WITH ORDINALITY AS e(item, ord)
      LEFT JOIN bindings b ON b.name = e.item->>'name'
    ),
    "version" = t."version" + 1,
    "updated_at" = now()
WHERE jsonb_typeof(t."items") = 'array'
  AND EXISTS (
    SELECT 1 FROM jsonb_array_elements(t."items") AS e(item)
    JOIN bindings b ON b.name = e.item->>'name'
    WHERE NOT (e.item ? 'approvalTypeCode')
  );
--> statement-breakpoint
-- 2. Existing plans: an unbound milestone of such a name is bound to its approval type when the facts agree — the
--    project has no approval item of that type, or the item's approval day (done) is the milestone's actual finish
--    (and neither has one otherwise). Where they disagree nothing is bound: the plan keeps its own date and the office
--    binds it by hand after checking which is right (docs/status.md, issue 13). One milestone per project and type.
WITH bindings(name, code) AS (
  VALUES ('立项审批', 'approval'), ('立项', 'approval'), ('立项备案', 'filing'), ('供地', 'land_contract'),
         ('土地出让', 'land_contract'), ('规划许可', 'proj_plan_permit'), ('环境影响评价', 'eia'),
         ('施工许可', 'construct_permit')
),
candidates AS (
  SELECT DISTINCT ON (m."project_id", b.code) m."id", b.code
  FROM "milestones" m
  JOIN bindings b ON b.name = m."name"
  WHERE m."approval_type_code" IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM "milestones" o WHERE o."project_id" = m."project_id" AND o."approval_type_code" = b.code
    )
    AND NOT EXISTS (
      SELECT 1 FROM "approval_items" a
      WHERE a."project_id" = m."project_id" AND a."type_code" = b.code
        AND (CASE WHEN a."status" = 'done' THEN a."approved_on" END) IS DISTINCT FROM m."actual_finish"
    )
  ORDER BY m."project_id", b.code, m."sort_order", m."id"
),
bound AS (
  UPDATE "milestones" m
  SET "approval_type_code" = c.code, "version" = m."version" + 1, "updated_at" = now()
  FROM candidates c
  WHERE m."id" = c."id"
  RETURNING m."project_id"
)
-- The plan's version is its project's: an editor open on the old plan must reload rather than save over the upgrade
-- (the project's updated_at is left alone, so lists sorted by last change keep their order).
UPDATE "projects" SET "version" = "version" + 1 WHERE "id" IN (SELECT "project_id" FROM bound);
--> statement-breakpoint
-- 3. The 开工 and 竣工 milestones' planned dates, from the project's own planned start and completion (until now the
--    one place they were typed), where the plan has none: from here on the plan is the one place.
WITH dated AS (
  UPDATE "milestones" m
  SET "planned_finish" = CASE m."kind" WHEN 'start' THEN p."planned_start" ELSE p."planned_completion" END,
      "version" = m."version" + 1,
      "updated_at" = now()
  FROM "projects" p
  WHERE p."id" = m."project_id"
    AND m."planned_finish" IS NULL
    AND ((m."kind" = 'start' AND p."planned_start" IS NOT NULL)
      OR (m."kind" = 'completion' AND p."planned_completion" IS NOT NULL))
  RETURNING m."project_id"
)
UPDATE "projects" SET "version" = "version" + 1 WHERE "id" IN (SELECT "project_id" FROM dated);
