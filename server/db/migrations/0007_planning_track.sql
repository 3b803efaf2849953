ALTER TABLE "projects" ADD COLUMN "proposal" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "feasibility_status" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "feasibility_approved_on" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "chain_code" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "chain_segment" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "chain_node" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "expected_output_yuan" bigint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "expected_tax_yuan" bigint;