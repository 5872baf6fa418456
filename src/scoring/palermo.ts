/**
 * The Palermo Protocol view beside the ILO one (DOMAIN.md §2): act, means, purpose,
 * each present or not shown, from the Palermo elements the questionnaire assigns to
 * positive dimensions. For a child, act and purpose suffice; no means is required.
 */
import type { PalermoElement, Population } from '../questionnaire/types.js';
import type { DimensionResult, PalermoElementResult, PalermoResult } from './types.js';

const ELEMENTS: readonly PalermoElement[] = ['act', 'means', 'purpose'];

export function requiredElements(population: Population): PalermoElement[] {
  switch (population) {
    case 'adult':
      return ['act', 'means', 'purpose'];
    case 'child':
      return ['act', 'purpose'];
  }
}

export function palermoView(
  dimensions: readonly DimensionResult[],
  population: Population,
): PalermoResult {
  const elements: PalermoElementResult[] = ELEMENTS.map((element) => {
    const showing = dimensions.filter((d) => d.palermo.includes(element));
    const positive = showing.filter((d) => d.positive).map((d) => d.id);
    const indicatorsOnly = showing
      .filter((d) => !d.positive && d.counted.length > 0)
      .map((d) => d.id);
    return {
      element,
      status: positive.length > 0 ? 'present' : 'not_shown',
      dimensions: positive,
      indicatorsOnly,
    };
  });
  const required = requiredElements(population);
  return {
    elements,
    required,
    elementsShown: required.every(
      (r) => elements.find((e) => e.element === r)?.status === 'present',
    ),
  };
}
