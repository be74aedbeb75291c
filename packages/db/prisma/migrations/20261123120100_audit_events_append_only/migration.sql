-- Hand-written: Prisma cannot express triggers, and `prisma migrate diff` ignores them.
-- The audit trail is evidence for certification bodies, so rows may be added but never changed
-- or removed through normal statements. TRUNCATE stays possible for deliberate maintenance.

-- CreateFunction
CREATE FUNCTION "certflow_reject_audit_event_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Default SQLSTATE P0001 (raise_exception): driver adapters pass its message through unchanged,
    -- whereas e.g. restrict_violation would surface as a misleading foreign-key error.
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "certflow_reject_audit_event_change"();
