import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { programsPath, type Session, soc2ProgramBody } from '../../../test/fixtures.js';
import { buildWorld, insertTask, sessionOf, type World } from '../../../test/support/world.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { SoaView } from './soa.schemas.js';

/** Parsed by an independent CSV reader (RFC 4180, CRLF), not by our writer's own rules. */
const parseCsv = (text: string): string[][] => parse(text);

// No worker runs here, so the task links come from the remediation_tasks read model (the fallback);
// gap-assessment.workflow.test.ts reads them live from the workflow.
describe('the Statement of Applicability (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let pm: Session;
  let soaPath: string;

  const line = (view: SoaView, id: string) => {
    const found = view.lines.find((l) => l.requirementId === id);
    if (!found) throw new Error(`${id} is not on the SoA`);
    return found;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
    }));
    world = await buildWorld(app, db.prisma);
    pm = await sessionOf(app, world, 'program_manager');
    soaPath = `/programs/${world.program.id}/statement-of-applicability`;
    await pm
      .put(`/organizations/${world.organization.id}/requirement-statuses`)
      .send({
        items: [
          { requirementId: 'iso27001:A.5.15', status: 'partial', ownerEmail: 'iam@acme.example' },
          {
            requirementId: 'iso27001:A.7.4',
            status: 'not_applicable',
            justification: 'No premises of our own: offices are serviced, monitored by the landlord',
          },
          {
            requirementId: 'iso42001:A.6.2.8',
            status: 'implemented',
            evidence: '=HYPERLINK("http://evil.example","logs")',
          },
        ],
      })
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('lists every Annex A control of both standards with status, derived exclusions and the task', async () => {
    const view = (await pm.get(soaPath).expect(200)).body as SoaView;
    expect(view.frameworks.sort()).toEqual(['iso27001', 'iso42001']);
    expect(view.lines.filter((l) => l.framework === 'iso27001')).toHaveLength(93);
    expect(view.lines.filter((l) => l.framework === 'iso42001')).toHaveLength(38);
    expect(view.tasksFrom).toBe('database');
    expect(line(view, 'iso27001:A.5.15')).toMatchObject({
      applicable: true,
      source: 'default',
      theme: { ref: 'A.5', title: 'Organizational controls' },
      implementation: { status: 'partial', ownerEmail: 'iam@acme.example' },
      task: { title: 'Approve the risk treatment plan', status: 'OPEN', dueDate: '2027-01-15' },
    });
    expect(line(view, 'iso27001:A.7.4')).toMatchObject({
      applicable: false,
      source: 'implementation-status',
      justification: 'No premises of our own: offices are serviced, monitored by the landlord',
    });
    expect(line(view, 'iso42001:A.6.2.8').theme).toEqual({ ref: 'A.6', title: 'AI system life cycle' });
    expect(view.summary.iso27001).toMatchObject({ controls: 93, excluded: 1, applicable: 92, partial: 1 });
  });

  it('includes and excludes controls with a justification, audited, and refuses an unjustified exclusion', async () => {
    const missing = await pm
      .put(soaPath)
      .send({ entries: [{ requirementId: 'iso27001:A.7.1', applicable: false }] })
      .expect(400);
    expect((missing.body as ErrorBody).errors?.[0]?.path).toBe('entries.0.justification');
    const notAnnex = await pm
      .put(soaPath)
      .send({ entries: [{ requirementId: 'iso27001:9.2.1', applicable: true }] })
      .expect(400);
    expect((notAnnex.body as ErrorBody).errors?.[0]).toMatchObject({
      path: 'entries.0.requirementId',
      message: expect.stringMatching(/not an Annex A control/) as string,
    });

    const res = await pm
      .put(soaPath)
      .send({
        entries: [
          {
            requirementId: 'iso27001:A.7.1',
            applicable: false,
            justification: 'Serviced offices: perimeter security is the landlord’s',
          },
          // Re-includes a control that a not-applicable status excluded.
          { requirementId: 'iso27001:A.7.4', applicable: true, justification: 'Data centre cage in scope' },
        ],
      })
      .expect(200);
    const view = res.body as SoaView;
    expect(line(view, 'iso27001:A.7.1')).toMatchObject({ applicable: false, source: 'statement' });
    expect(line(view, 'iso27001:A.7.4')).toMatchObject({
      applicable: true,
      source: 'statement',
      justification: 'Data centre cage in scope',
      updatedBy: world.people.program_manager.email,
    });
    const events = await db.prisma.auditEvent.findMany({
      where: { programId: world.program.id, type: 'statement-of-applicability.changed' },
    });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.actor === world.people.program_manager.email)).toBe(true);
  });

  it('exports CSV as a streamed attachment: RFC 4180 quoting, formula guard, one line per control', async () => {
    await insertTask(db.prisma, world.program.id, 'ops@acme.example', 'Close "logging", fully');
    const res = await pm
      .get(`${soaPath}/csv`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="statement-of-applicability-Acme-ISMS.csv"',
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const text = res.body as string;
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]?.slice(0, 5)).toEqual(['Framework', 'Control', 'Title', 'Theme', 'Applicable']);
    expect(rows).toHaveLength(1 + 93 + 38);
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const logs = rows.find((r) => r[col('Control')] === 'A.6.2.8' && r[0] === 'iso42001');
    expect(logs?.[col('Evidence')]).toBe('\'=HYPERLINK("http://evil.example","logs")');
    const a71 = rows.find((r) => r[col('Control')] === 'A.7.1' && r[0] === 'iso27001');
    expect(a71?.[col('Applicable')]).toBe('No');
    expect(a71?.[col('Justification')]).toBe('Serviced offices: perimeter security is the landlord’s');
  });

  it('belongs to ISO programs only, and to callers who may see the program', async () => {
    const soc2 = await pm.post(programsPath(world.organization.id)).send(soc2ProgramBody()).expect(201);
    const refused = await pm.get(`/programs/${(soc2.body as { id: string }).id}/statement-of-applicability`);
    expect(refused.status).toBe(409);
    const auditor = await sessionOf(app, world, 'auditor');
    await auditor.get(soaPath).expect(200);
    await auditor.get(`${soaPath}/csv`).expect(200);
    await auditor.get(`/programs/${world.otherProgram.id}/statement-of-applicability`).expect(404);
    await auditor
      .put(soaPath)
      .send({ entries: [{ requirementId: 'iso27001:A.7.2', applicable: true }] })
      .expect(403);
  });
});
