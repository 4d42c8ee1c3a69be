/** One part of `npm run bench`: a titled table of measured figures, printed in order. */
export interface BenchSection {
  title: string;
  rows: Array<Record<string, string | number | null>>;
  notes?: string[];
}

export function printSection(section: BenchSection): void {
  console.log(`\n## ${section.title}`);
  if (section.rows.length > 0) console.table(section.rows);
  for (const note of section.notes ?? []) console.log(`- ${note}`);
}
