import { getFramework, isFrameworkId } from '@certflow/catalog';

export function frameworkShortName(id: string): string {
  return isFrameworkId(id) ? getFramework(id).shortName : id;
}
