CREATE TABLE "lead_clock_reminders" (
	"lead_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_clock_reminders_lead_id_clock_due_on_pk" PRIMARY KEY("lead_id","clock","due_on")
);
--> statement-breakpoint
CREATE TABLE "lead_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_events_dates" CHECK ("lead_events"."ends_on" >= "lead_events"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "lead_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"on" date NOT NULL,
	"way" text NOT NULL,
	"text" text NOT NULL,
	"next_step" text,
	"to_referrer" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_stage_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"on" date NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid,
	"method" text NOT NULL,
	"event_id" uuid,
	"referrer" text,
	"owner_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"leader_id" uuid,
	"estimated_investment_yuan" bigint,
	"out_of_city_percent" smallint DEFAULT 0 NOT NULL,
	"out_of_province_percent" smallint DEFAULT 0 NOT NULL,
	"foreign_percent" smallint DEFAULT 0 NOT NULL,
	"land_mu" numeric(12, 2),
	"space_m2" numeric(12, 2),
	"industry_code" text,
	"chain_code" text,
	"chain_node_id" uuid,
	"chain_node" text,
	"notes" text,
	"stage" text DEFAULT 'lead' NOT NULL,
	"stage_on" date NOT NULL,
	"received_on" date NOT NULL,
	"first_contact_on" date,
	"last_contact_on" date,
	"assessed_on" date,
	"feedback_on" date,
	"dropped_reason" text,
	"contract_value_yuan" bigint,
	"contract_date" date,
	"project_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_shares_nested" CHECK (0 <= "leads"."foreign_percent" and "leads"."foreign_percent" <= "leads"."out_of_province_percent" and "leads"."out_of_province_percent" <= "leads"."out_of_city_percent" and "leads"."out_of_city_percent" <= 100),
	CONSTRAINT "leads_dropped_reason" CHECK ("leads"."stage" <> 'dropped' or "leads"."dropped_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "lead_clock_reminders" ADD CONSTRAINT "lead_clock_reminders_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_follow_ups" ADD CONSTRAINT "lead_follow_ups_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_follow_ups" ADD CONSTRAINT "lead_follow_ups_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_moves" ADD CONSTRAINT "lead_stage_moves_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_stage_moves" ADD CONSTRAINT "lead_stage_moves_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_event_id_lead_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."lead_events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_events_region_starts_idx" ON "lead_events" USING btree ("region_code","starts_on");--> statement-breakpoint
CREATE INDEX "lead_follow_ups_lead_idx" ON "lead_follow_ups" USING btree ("lead_id","on");--> statement-breakpoint
CREATE INDEX "lead_stage_moves_lead_idx" ON "lead_stage_moves" USING btree ("lead_id","on");--> statement-breakpoint
CREATE INDEX "leads_region_unit_stage_idx" ON "leads" USING btree ("region_code","unit_id","stage","updated_at");--> statement-breakpoint
CREATE INDEX "leads_region_stage_idx" ON "leads" USING btree ("region_code","stage","updated_at");--> statement-breakpoint
CREATE INDEX "leads_project_idx" ON "leads" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "leads_enterprise_idx" ON "leads" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "leads_event_idx" ON "leads" USING btree ("event_id");