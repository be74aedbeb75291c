-- Program operations (issue 11, part C): a commit-safe position for the live feed of audit events, a NOTIFY
-- after every insert, task comments and content-addressed evidence.

-- Hand-written: the transaction that inserted an audit event, as a bigint (xid8 never wraps). Readers of the
-- live feed order events by (tx_id, position) and only take rows whose transaction is older than every
-- transaction still running (pg_snapshot_xmin), so an event committed late can never slip behind a cursor a
-- client already holds. A function, so the column default reads the same way in the drift check.
CREATE FUNCTION "certflow_current_tx_id"() RETURNS bigint
LANGUAGE sql VOLATILE AS $$ SELECT pg_current_xact_id()::text::bigint $$;

-- Hand-written: the oldest transaction still running when the statement's snapshot was taken; every row with a
-- smaller tx_id is final and visible. STABLE (one snapshot per statement), so it can bound an index scan.
CREATE FUNCTION "certflow_stable_tx_horizon"() RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint $$;

-- AlterTable (existing rows get the migration's transaction and positions in physical order)
ALTER TABLE "audit_events" ADD COLUMN "tx_id" BIGINT NOT NULL DEFAULT certflow_current_tx_id(),
    ADD COLUMN "position" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "audit_events_tx_id_position_idx" ON "audit_events"("tx_id", "position");

-- CreateIndex (audit-trail filters)
CREATE INDEX "audit_events_organization_id_type_occurred_at_idx" ON "audit_events"("organization_id", "type", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_organization_id_actor_occurred_at_idx" ON "audit_events"("organization_id", "actor", "occurred_at");

-- Hand-written: one NOTIFY per inserting statement (PostgreSQL folds identical notifications of a transaction
-- into one, delivered at commit), whoever inserts: the worker's activities or the API.
CREATE FUNCTION "certflow_notify_audit_events"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('certflow_audit_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "audit_events_notify"
    AFTER INSERT ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "certflow_notify_audit_events"();

-- CreateTable
CREATE TABLE "task_comments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "task_id" UUID NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_comments_pkey" PRIMARY KEY ("id"),
    -- Hand-written: the API checks this too; the table keeps any other writer honest.
    CONSTRAINT "task_comments_body_length" CHECK (char_length("body") BETWEEN 1 AND 4000)
);

-- CreateTable
CREATE TABLE "evidence_blobs" (
    "organization_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "content_type" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_blobs_pkey" PRIMARY KEY ("organization_id","sha256"),
    CONSTRAINT "evidence_blobs_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "task_id" UUID,
    "requirement_id" TEXT,
    "audit_id" TEXT,
    "uploaded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id"),
    -- Hand-written: evidence always supports something: a task, a requirement or an audit.
    CONSTRAINT "evidence_linked" CHECK ("task_id" IS NOT NULL OR "requirement_id" IS NOT NULL OR "audit_id" IS NOT NULL)
);

-- CreateIndex
CREATE INDEX "task_comments_task_id_created_at_idx" ON "task_comments"("task_id", "created_at");

-- CreateIndex
CREATE INDEX "evidence_program_id_created_at_idx" ON "evidence"("program_id", "created_at");

-- CreateIndex
CREATE INDEX "evidence_task_id_idx" ON "evidence"("task_id");

-- CreateIndex
CREATE INDEX "evidence_organization_id_sha256_idx" ON "evidence"("organization_id", "sha256");

-- AddForeignKey
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "remediation_tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_blobs" ADD CONSTRAINT "evidence_blobs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_organization_id_sha256_fkey" FOREIGN KEY ("organization_id", "sha256") REFERENCES "evidence_blobs"("organization_id", "sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "remediation_tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
