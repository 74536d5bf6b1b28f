// TR 33.812 clause 7.1.1.2: risk 1-3 is minor, 4/6/8 major, 9/12 critical (risk = likelihood x impact).
export type RiskCategory = 'minor' | 'major' | 'critical';

/** The category of a risk number, or undefined for numbers the matrix cannot produce (5, 7, 10, 11, >12). */
export function riskCategory(risk: number): RiskCategory | undefined {
  if (risk >= 1 && risk <= 3) return 'minor';
  if (risk === 4 || risk === 6 || risk === 8) return 'major';
  if (risk === 9 || risk === 12) return 'critical';
  return undefined;
}

export function parseRiskCategory(word: string): RiskCategory | undefined {
  const w = word.trim().toLowerCase();
  return w === 'minor' || w === 'major' || w === 'critical' ? w : undefined;
}
