export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** 9-10 promote, 7-8 are passive, 0-6 detract. */
export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}
