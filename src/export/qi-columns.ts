/**
 * The quasi-identifier columns of one export, merged across the questionnaires its
 * records use, each with its hierarchy. Two questionnaires may share a column only
 * if they coarsen it the same way: otherwise one column would mix two ladders and
 * the guarantee would be about neither.
 */
import type { Questionnaire } from '../questionnaire/types.js';
import { inputError } from '../errors.js';
import type { ExportConfig, QiSpec } from './config.js';
import {
  ageHierarchy,
  categoryHierarchy,
  countryHierarchy,
  dateHierarchy,
  type Hierarchy,
} from './hierarchy.js';

export interface QiColumn {
  readonly column: string;
  readonly spec: QiSpec;
  readonly hierarchy: Hierarchy;
}

export function hierarchyOf(spec: QiSpec): Hierarchy {
  switch (spec.kind) {
    case 'interview_month':
    case 'date':
      return dateHierarchy(spec.finest);
    case 'population':
      return categoryHierarchy();
    case 'age':
      return ageHierarchy(spec.bands);
    case 'country':
    case 'place':
      return countryHierarchy();
    case 'category':
      return categoryHierarchy(spec.levels);
  }
}

/** What makes two specs coarsen a column the same way (question ids aside). */
function shapeOf(spec: QiSpec): string {
  switch (spec.kind) {
    case 'interview_month':
    case 'date':
      return `${spec.kind}:${spec.finest}`;
    case 'population':
      return 'population';
    case 'age':
      return `age:${spec.bands.adultBand}:${spec.bands.openFrom}`;
    case 'country':
    case 'place':
      return 'country';
    case 'category':
      return `category:${JSON.stringify(spec.levels.map((l) => [l.name, [...l.groups].sort()]))}`;
  }
}

/** Columns in order: interview month, population, then each questionnaire's (sorted by id, version). */
export function mergeQiColumns(
  used: readonly { readonly questionnaire: Questionnaire; readonly config: ExportConfig }[],
): QiColumn[] {
  const out: QiColumn[] = [];
  const byName = new Map<string, { shape: string; from: Questionnaire }>();
  for (const { questionnaire, config } of used)
    for (const spec of config.qis) {
      const shape = shapeOf(spec);
      const seen = byName.get(spec.column);
      if (seen) {
        if (seen.shape !== shape)
          throw inputError(
            'E_EXPORT_CONFIG_CONFLICT',
            `The column ${spec.column} is coarsened differently by ${seen.from.id} ${seen.from.version} and ${questionnaire.id} ${questionnaire.version}.`,
            [
              'Records of both cannot share one export column: give them the same export rule, or export them separately.',
            ],
          );
        continue;
      }
      byName.set(spec.column, { shape, from: questionnaire });
      out.push({ column: spec.column, spec, hierarchy: hierarchyOf(spec) });
    }
  return out;
}
