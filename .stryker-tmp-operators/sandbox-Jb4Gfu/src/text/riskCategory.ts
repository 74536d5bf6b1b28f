// TR 33.812 clause 7.1.1.2: risk 1-3 is minor, 4/6/8 major, 9/12 critical (risk = likelihood x impact).
export type RiskCategory = 'minor' | 'major' | 'critical';

/** The risk numbers of each category, as TR 7.1.1.2 defines them. */
export const categoryRisks: Readonly<Record<RiskCategory, readonly number[]>> = { minor: [1, 2, 3], major: [4, 6, 8], critical: [9, 12] };

const categories: readonly RiskCategory[] = ['minor', 'major', 'critical'];

/** The category of a risk number, or undefined for numbers the matrix cannot produce (5, 7, 10, 11, >12). */
export function riskCategory(risk: number): RiskCategory | undefined {
  return categories.find((c) => categoryRisks[c].includes(risk));
}

export function parseRiskCategory(word: string): RiskCategory | undefined {
  const w = word.trim().toLowerCase();
  return w === 'minor' || w === 'major' || w === 'critical' ? w : undefined;
}
