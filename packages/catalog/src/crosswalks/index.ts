import { crosswalkSchema, type Crosswalk } from '../schema.js';
import { crosswalkData } from './data.js';

export const crosswalks: readonly Crosswalk[] = Object.freeze(
  crosswalkData.map((c) => crosswalkSchema.parse(c)),
);
