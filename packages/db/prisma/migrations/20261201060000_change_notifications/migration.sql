-- Read caching (ADR 0020): every API process keeps answers to the heavy reads until the data under them changes.
-- These triggers say what changed, whoever wrote it (the worker's projection, any API process, a script), on one
-- channel: `organization:<id>` when a row of that organisation changed, `access` when sessions, people or roles
-- did. PostgreSQL delivers notifications at commit and folds repeats within a transaction, so a batch of rows
-- costs one notification per organisation.

-- Hand-written: the organisation of the row before and after the change.
CREATE FUNCTION "certflow_notify_organization_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' AND NEW.organization_id IS NOT NULL THEN
        PERFORM pg_notify('certflow_changes', 'organization:' || NEW.organization_id);
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.organization_id IS NOT NULL
        AND (TG_OP = 'DELETE' OR OLD.organization_id IS DISTINCT FROM NEW.organization_id) THEN
        PERFORM pg_notify('certflow_changes', 'organization:' || OLD.organization_id);
    END IF;
    RETURN NULL;
END;
$$;

-- Hand-written: the organisations table names itself by its id.
CREATE FUNCTION "certflow_notify_organization_row_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('certflow_changes', 'organization:' || COALESCE(NEW.id, OLD.id));
    RETURN NULL;
END;
$$;

-- Hand-written: who may do what changed (a session ended, a role, a membership, a grant, single sign-on).
CREATE FUNCTION "certflow_notify_access_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('certflow_changes', 'access');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "organizations_notify_change" AFTER UPDATE OR DELETE ON "organizations"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_row_change"();

CREATE TRIGGER "programs_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "programs"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "audit_events_notify_change" AFTER INSERT ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "findings_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "findings"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "remediation_tasks_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "remediation_tasks"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "memberships_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "memberships"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "invitations_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "invitations"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "program_grants_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "program_grants"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "organization_sso_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "organization_sso"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "task_comments_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "task_comments"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "evidence_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "evidence"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "program_milestones_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "program_milestones"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "certificates_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "certificates"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "soc2_periods_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "soc2_periods"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "soc2_reports_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "soc2_reports"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "soc2_bridge_letters_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "soc2_bridge_letters"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "soc2_coverage_gaps_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "soc2_coverage_gaps"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "requirement_statuses_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "requirement_statuses"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "gap_assessments_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "gap_assessments"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "soa_entries_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "soa_entries"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "budget_lines_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "budget_lines"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();
CREATE TRIGGER "cost_actuals_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "cost_actuals"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_organization_change"();

-- Gap-assessment items carry no organisation column: their assessment's organisation.
CREATE FUNCTION "certflow_notify_gap_item_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    org uuid;
BEGIN
    SELECT organization_id INTO org FROM gap_assessments WHERE id = COALESCE(NEW.gap_assessment_id, OLD.gap_assessment_id);
    IF org IS NOT NULL THEN
        PERFORM pg_notify('certflow_changes', 'organization:' || org);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "gap_assessment_items_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "gap_assessment_items"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_gap_item_change"();

CREATE TRIGGER "sessions_notify_access" AFTER DELETE ON "sessions"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_access_change"();
CREATE TRIGGER "users_notify_access" AFTER UPDATE OR DELETE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_access_change"();
CREATE TRIGGER "memberships_notify_access" AFTER INSERT OR UPDATE OR DELETE ON "memberships"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_access_change"();
CREATE TRIGGER "program_grants_notify_access" AFTER INSERT OR UPDATE OR DELETE ON "program_grants"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_access_change"();
CREATE TRIGGER "organization_sso_notify_access" AFTER INSERT OR UPDATE OR DELETE ON "organization_sso"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_access_change"();
CREATE TRIGGER "api_tokens_notify_access" AFTER UPDATE OR DELETE ON "api_tokens"
    FOR EACH ROW EXECUTE FUNCTION "certflow_notify_access_change"();
