import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isoPatches } from './iso-certification/patches.js';
import { sharedPatches } from './shared/patches.js';
import { decidedAtRunStart as isoRunStart } from './iso-certification/workflow.js';
import { decidedAtRunStart as soc2RunStart } from './soc2-attestation/workflow.js';
import { soc2Patches } from './soc2-attestation/patches.js';

// replay.test.ts replays every committed history; this checks that they are what the replay is meant to cover:
// an ISO cycle into the next one and two SOC 2 periods, recorded before and after each patch. v4 comes from the
// time-skipping tests of an imported ISO certificate (import.timeskip.test.ts) and a SOC 2 program started
// mid-period (midstream.timeskip.test.ts), which exercise the rules decided at run start; ISO v5 is the imported
// certificate again once iso-extension-repeat-without-stage1-limit joined them; ISO v6 (a full cycle) and SOC 2 v5
// project the read model with the audit events; ISO v7 (a full cycle) and SOC 2 v6 send emails beside the effects.
const dir = fileURLToPath(new URL('../../test/histories/', import.meta.url));

interface JsonHistory {
  events: {
    eventType: string;
    markerRecordedEventAttributes?: { details?: Record<string, { payloads?: { data?: string }[] }> };
  }[];
}

async function load(name: string): Promise<JsonHistory> {
  return JSON.parse(await readFile(`${dir}${name}.json`, 'utf8')) as JsonHistory;
}

function patchIds(history: JsonHistory): string[] {
  return history.events.flatMap((e) => {
    const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    if (!data) return [];
    return [(JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { id: string }).id];
  });
}

describe('committed SOC 2 histories', () => {
  it.each(['v1', 'v2', 'v3', 'v5', 'v6'])(
    '%s: two periods, each run ending in continue-as-new',
    async (label) => {
      for (const period of [1, 2]) {
        const history = await load(`soc2-attestation-${label}-period${period}`);
        expect(history.events[0]?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
        expect(history.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
      }
    },
  );

  it('v1 predates the period-end notice; v2 carries its patch marker in both periods', async () => {
    expect(patchIds(await load('soc2-attestation-v1-period1'))).toEqual([]);
    expect(patchIds(await load('soc2-attestation-v2-period1'))).toEqual([soc2Patches.periodEndNotice]);
    expect(patchIds(await load('soc2-attestation-v2-period2'))).toEqual([soc2Patches.periodEndNotice]);
  });

  it('v3 runs its effects in batches', async () => {
    for (const period of [1, 2]) {
      expect(patchIds(await load(`soc2-attestation-v3-period${period}`))).toEqual([
        sharedPatches.batchedEffects,
        soc2Patches.periodEndNotice,
      ]);
    }
  });

  it('v4 decides the month convention, crosswalk links and bridge-letter rule when each run starts', async () => {
    expect(soc2RunStart).toEqual([
      sharedPatches.monthWindows,
      sharedPatches.requirementLinks,
      soc2Patches.bridgeLetterToIssueDate,
    ]);
    const period1 = await load('soc2-attestation-v4-period1');
    expect(period1.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
    const period2 = await load('soc2-attestation-v4-period2');
    expect(period2.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    for (const history of [period1, period2]) {
      expect(patchIds(history)).toEqual([
        ...soc2RunStart,
        sharedPatches.batchedEffects,
        soc2Patches.periodEndNotice,
      ]);
    }
  });
});

describe('committed read-model histories (ISO v6, SOC 2 v5)', () => {
  it('project the read model with every batch of audit events instead of the stage alone', async () => {
    for (const name of [
      'iso-certification-v6-cycle1',
      'iso-certification-v6-cycle2',
      'soc2-attestation-v5-period1',
      'soc2-attestation-v5-period2',
    ]) {
      const history = await load(name);
      expect(patchIds(history)).toContain(sharedPatches.readModel);
      const activities = history.events.flatMap((e) => {
        const scheduled = (
          e as { activityTaskScheduledEventAttributes?: { activityType?: { name?: string } } }
        ).activityTaskScheduledEventAttributes;
        return scheduled?.activityType?.name ? [scheduled.activityType.name] : [];
      });
      expect(activities).toContain('recordProgramChanges');
      expect(activities).not.toContain('recordAuditEvents');
      expect(activities).not.toContain('projectProgram');
    }
  });
});

describe('committed histories with emails sent beside the effects (ISO v7, SOC 2 v6)', () => {
  it('carry the patch in every run, and the runs before them do not', async () => {
    for (const name of [
      'iso-certification-v7-cycle1',
      'iso-certification-v7-cycle2',
      'soc2-attestation-v6-period1',
      'soc2-attestation-v6-period2',
    ]) {
      expect(patchIds(await load(name))).toContain(sharedPatches.emailsBesideEffects);
    }
    for (const name of ['iso-certification-v6-cycle1', 'soc2-attestation-v5-period1']) {
      expect(patchIds(await load(name))).not.toContain(sharedPatches.emailsBesideEffects);
    }
  });
});

describe('committed ISO histories', () => {
  it.each(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'])(
    '%s: a whole cycle continued as new into the next',
    async (label) => {
      const cycle1 = await load(`iso-certification-${label}-cycle1`);
      expect(cycle1.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
      const cycle2 = await load(`iso-certification-${label}-cycle2`);
      expect(cycle2.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    },
  );

  it('v3 batches effects and suspends the certificate when cycle 2 misses surveillance 1', async () => {
    expect(patchIds(await load('iso-certification-v1-cycle1'))).toEqual([]);
    expect(patchIds(await load('iso-certification-v3-cycle1'))).toEqual([
      sharedPatches.batchedEffects,
      isoPatches.initialCycleStartedEvent,
    ]);
    expect(patchIds(await load('iso-certification-v3-cycle2'))).toEqual([
      sharedPatches.batchedEffects,
      isoPatches.suspensionOnMissedSurveillance,
    ]);
  });

  it('v4 (an imported certificate) records the rules decided at run start before the extension fix', async () => {
    for (const cycle of [1, 2]) {
      expect(patchIds(await load(`iso-certification-v4-cycle${cycle}`))).toEqual([
        ...isoRunStart.filter((id) => id !== isoPatches.extensionRepeatWithoutStage1Limit),
        sharedPatches.batchedEffects,
      ]);
    }
  });

  it('v5 (the same imported certificate) records every rule decided at run start, in both runs', async () => {
    expect(isoRunStart).toEqual([
      sharedPatches.monthWindows,
      sharedPatches.requirementLinks,
      isoPatches.restorationFromDecision,
      isoPatches.addedStandardInitialAudit,
      isoPatches.recertificationWindow,
      isoPatches.freshReadinessAfterLapse,
      isoPatches.extensionRepeatWithoutStage1Limit,
    ]);
    for (const cycle of [1, 2]) {
      expect(patchIds(await load(`iso-certification-v5-cycle${cycle}`))).toEqual([
        ...isoRunStart,
        sharedPatches.batchedEffects,
      ]);
    }
  });
});
