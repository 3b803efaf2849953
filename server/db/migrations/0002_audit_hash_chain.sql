ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
-- The digest of one audit event chained to the previous one. Used by the insert and by `lantu audit verify`, so both
-- compute exactly the same text. Time is taken as microseconds since the epoch (independent of the session time zone);
-- jsonb's text form is canonical (keys ordered), so equal content always gives equal text.
CREATE FUNCTION audit_event_digest(prev text, at timestamptz, actor_id uuid, actor_name text, actor_unit_id uuid,
    region_code text, ip text, request_id text, action text, record_type text, record_id text, before jsonb, after jsonb)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    coalesce(prev, ''), (extract(epoch FROM at) * 1000000)::bigint::text, coalesce(actor_id::text, ''), coalesce(actor_name, ''),
    coalesce(actor_unit_id::text, ''), coalesce(region_code, ''), coalesce(ip, ''), coalesce(request_id, ''), action,
    coalesce(record_type, ''), coalesce(record_id, ''), coalesce(before::text, ''), coalesce(after::text, '')), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Events written before the chain existed are sealed now, in id order, so the whole log verifies.
WITH RECURSIVE ordered AS (
  SELECT id, row_number() OVER (ORDER BY id) AS n FROM audit_events
), chain AS (
  SELECT o.n, e.id, audit_event_digest(NULL, e.at, e.actor_id, e.actor_name, e.actor_unit_id, e.region_code, e.ip, e.request_id,
      e.action, e.record_type, e.record_id, e.before, e.after) AS hash, NULL::text AS prev
    FROM ordered o JOIN audit_events e ON e.id = o.id WHERE o.n = 1
  UNION ALL
  SELECT o.n, e.id, audit_event_digest(c.hash, e.at, e.actor_id, e.actor_name, e.actor_unit_id, e.region_code, e.ip, e.request_id,
      e.action, e.record_type, e.record_id, e.before, e.after), c.hash
    FROM chain c JOIN ordered o ON o.n = c.n + 1 JOIN audit_events e ON e.id = o.id
)
UPDATE audit_events a SET hash = chain.hash, prev_hash = chain.prev FROM chain WHERE a.id = chain.id;
