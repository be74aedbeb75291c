import { programSearchAttributes } from '@certflow/contracts';
import type { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';

/** Every custom search attribute Certflow workflows use; the single definition lives in @certflow/contracts. */
export const certflowSearchAttributes = programSearchAttributes;

type AddSearchAttributesRequest = Parameters<Connection['operatorService']['addSearchAttributes']>[0];
type IndexedValueType = NonNullable<AddSearchAttributesRequest['searchAttributes']>[string];

// Mirrors temporal.api.enums.v1.IndexedValueType; @temporalio/common keeps its own mapping private.
const indexedValueTypes: Record<SearchAttributeType, IndexedValueType> = {
  TEXT: 1,
  KEYWORD: 2,
  INT: 3,
  DOUBLE: 4,
  BOOL: 5,
  DATETIME: 6,
  KEYWORD_LIST: 7,
};

/**
 * Registers our search attributes through the OperatorService. The Java time-skipping server has no
 * `--search-attribute` flag, and rejects upserts of unregistered attributes.
 */
export async function registerSearchAttributes(connection: Connection, namespace = 'default'): Promise<void> {
  const searchAttributes: Record<string, IndexedValueType> = {};
  for (const key of certflowSearchAttributes) {
    searchAttributes[key.name] = indexedValueTypes[key.type];
  }
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}
