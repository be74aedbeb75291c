// The smallest workflow that takes an update: what one update costs the Temporal server and the SDK alone.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const touch = defineUpdate('touch');

export async function updateFloor() {
  let touched = 0;
  setHandler(touch, () => ++touched);
  await condition(() => touched < 0);
}
