// The ablation matrix as an SVG heat map: one cell per counter-measure (row) x property (column), coloured by result.
// Plain SVG with its own text, so it shows in a browser and in GitHub markdown alike.
import { escapeXml } from '../../report/escapeXml.ts';
import type { MatrixEntry } from './AblationReport.ts';

const colours: Record<MatrixEntry['result'], string> = {
  violated: '#d73027',
  holds: '#1a9850',
  inconclusive: '#969696',
  finding: '#fdae61',
  'not-checked': '#f0f0f0',
};
const legend: Record<MatrixEntry['result'], string> = {
  violated: 'off: attack found',
  holds: 'off: still holds',
  inconclusive: 'inconclusive',
  finding: 'fails with all on (text finding)',
  'not-checked': 'not checked',
};

export function heatMapSvg(title: string, rows: readonly string[], columns: readonly string[], matrix: Readonly<Record<string, Readonly<Record<string, MatrixEntry>>>>): string {
  const cell = 22;
  const left = 150;
  const top = 250;
  // Room on the right for the last column's slanted label, and for the legend's two rows below.
  const width = Math.max(left + columns.length * cell + 150, 560);
  const height = top + rows.length * cell + 100;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  columns.forEach((c, j) => {
    const x = left + j * cell + cell / 2 + 4;
    out.push(`<text x="${x}" y="${top - 6}" transform="rotate(-60 ${x} ${top - 6})">${escapeXml(c)}</text>`);
  });
  rows.forEach((r, i) => {
    const y = top + i * cell;
    out.push(`<text x="${left - 6}" y="${y + cell / 2 + 4}" text-anchor="end">${escapeXml(r)}</text>`);
    columns.forEach((c, j) => {
      const e = matrix[r]?.[c] ?? { result: 'not-checked' as const };
      const tip = e.result === 'violated' ? `${r} off: ${c} violated in ${e.scenario} (${e.steps} steps)` : `${r} / ${c}: ${legend[e.result]}`;
      out.push(`<rect x="${left + j * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${colours[e.result]}"><title>${escapeXml(tip)}</title></rect>`);
      if (e.result === 'violated') out.push(`<text x="${left + j * cell + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" fill="#ffffff" font-size="9">${e.steps}</text>`);
    });
  });
  const ly = top + rows.length * cell + 24;
  (Object.keys(colours) as MatrixEntry['result'][]).forEach((k, i) => {
    const x = 8 + (i % 3) * 180;
    const y = ly + Math.floor(i / 3) * 20;
    out.push(`<rect x="${x}" y="${y}" width="14" height="14" fill="${colours[k]}" stroke="#cccccc"/><text x="${x + 20}" y="${y + 11}">${escapeXml(legend[k])}</text>`);
  });
  out.push(`<text x="8" y="${ly + 56}" fill="#555555">numbers: length of the shortest attack (steps)</text>`, '</svg>');
  return `${out.join('\n')}\n`;
}
