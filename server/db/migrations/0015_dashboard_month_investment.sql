CREATE TABLE "project_month_investment" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"completed_yuan" bigint NOT NULL,
	CONSTRAINT "project_month_investment_project_id_year_month_pk" PRIMARY KEY("project_id","year","month"),
	CONSTRAINT "project_month_investment_month_ck" CHECK ("project_month_investment"."month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "project_month_investment" ADD CONSTRAINT "project_month_investment_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_month_investment_year_idx" ON "project_month_investment" USING btree ("year","project_id","month");