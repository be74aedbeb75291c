import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { soc2Patches } from './patches.js';

// src/workflows/replay.test.ts replays every committed history; this checks that the SOC 2 ones are the two
// back-to-back periods the replay is meant to cover, before and after the period-end-notice patch.
const dir = fileURLToPath(new URL('../../../test/histories/', import.meta.url));

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
  it.each(['v1', 'v2'])('%s: two periods, each run ending in continue-as-new', async (label) => {
    for (const period of [1, 2]) {
      const history = await load(`soc2-attestation-${label}-period${period}`);
      expect(history.events[0]?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
      expect(history.events.at(-1)?.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
    }
  });

  it('v1 predates the period-end notice; v2 carries its patch marker in both periods', async () => {
    expect(patchIds(await load('soc2-attestation-v1-period1'))).toEqual([]);
    expect(patchIds(await load('soc2-attestation-v2-period1'))).toEqual([soc2Patches.periodEndNotice]);
    expect(patchIds(await load('soc2-attestation-v2-period2'))).toEqual([soc2Patches.periodEndNotice]);
  });
});
