ALTER TABLE "roles" ADD COLUMN "granted_defaults" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The roles of an installation from an earlier release have had every default of that release (any of them missing
-- now was taken away by the administrator): mark them granted, so start-up adds only what this release adds to the
-- defaults (custom_field.manage for the administrator, project.import for unit staff).
UPDATE "roles" SET "granted_defaults" = ARRAY['region.read','region.manage','unit.read','unit.create','unit.update','unit.delete','user.read','user.create','user.update','user.reset_password','role.read','role.update','dictionary.read','dictionary.manage','audit.read','setting.read','setting.update','token.manage','project.read','project.create','project.update','project.move','project.move_back','project.plan','project.annual_plan','project.freeze_plan','project.import','project.export','project.configure']::text[];--> statement-breakpoint
UPDATE "roles" SET "granted_defaults" = array_remove("granted_defaults", 'project.import') WHERE "code" = 'unit_staff';
