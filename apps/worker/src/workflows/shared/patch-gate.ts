/**
 * Patches that are decided once, when a run starts, rather than at the line that changes: the new rules then
 * hold for the whole run (validators included, which may not call `patched()` because they cannot add commands),
 * and a run that started before a deployment keeps the old rules until it continues as new. Replaying a history
 * recorded before the patch finds no marker at the start and so gets `false` for the whole run.
 */
export function decidePatches(
  atRunStart: readonly string[],
  patched: (patchId: string) => boolean,
): (patchId: string) => boolean {
  const decided = new Map(atRunStart.map((id) => [id, patched(id)] as const));
  return (patchId) => decided.get(patchId) ?? patched(patchId);
}
