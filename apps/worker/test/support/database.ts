import { randomUUID } from 'node:crypto';
import { programWorkflowId } from '@certflow/contracts';
import type { PrismaClient } from '@certflow/db';

export interface SeededProgram {
  organizationId: string;
  programId: string;
  workflowId: string;
}

/** The rows an audit event references (foreign keys), as the API would have created them. */
export async function seedProgram(
  prisma: PrismaClient,
  frameworks: string[] = ['iso27001'],
  kind: 'ISO_CERTIFICATION' | 'SOC2_ATTESTATION' = 'ISO_CERTIFICATION',
): Promise<SeededProgram> {
  const suffix = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { name: `Acme ${suffix}`, slug: `acme-${suffix}` } });
  const programId = randomUUID();
  const workflowId = programWorkflowId(org.id, programId);
  await prisma.program.create({
    data: {
      id: programId,
      organizationId: org.id,
      name: kind === 'SOC2_ATTESTATION' ? 'SOC 2 attestation' : 'ISMS certification',
      kind,
      frameworks,
      workflowId,
    },
  });
  return { organizationId: org.id, programId, workflowId };
}

export interface StoredAuditEvent {
  sequence: number;
  type: string;
  actor: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

export async function auditEvents(prisma: PrismaClient, workflowId: string): Promise<StoredAuditEvent[]> {
  const rows = await prisma.auditEvent.findMany({ where: { workflowId }, orderBy: { sequence: 'asc' } });
  return rows.map((r) => ({
    // Events of a workflow always carry their sequence (a check constraint in the database says so).
    sequence: r.sequence ?? Number.NaN,
    type: r.type,
    actor: r.actor,
    payload: r.payload as Record<string, unknown>,
    occurredAt: r.occurredAt,
  }));
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (npm test sets it; see infra/README.md).`);
  return value;
}
