// A counterexample as a message sequence chart in inline SVG: one lane per role, one row per step, attacker
// steps in red with a marker. Drawn here rather than by a bundled renderer, so the HTML report opens offline.
import { attackerLane, derivationRows, readsByStep } from './derivationRows.ts';
import type { SecretDerivation } from './Report.ts';
import { sequenceChart } from './sequenceSteps.ts';
import { escapeXml } from './escapeXml.ts';

const laneWidth = 150;
const rowHeight = 30;
const top = 44;
const left = 40;

/** Wide enough for the labels the models use; longer ones are cut with an ellipsis and kept whole in a tooltip. */
const fit = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** A secrecy violation's `derivations` add a mark in the attacker's lane on each step after which it read a term it
 *  used, and, below the trace, one row per derivation step. */
export function sequenceSvg(actions: readonly string[], title: string, derivations: readonly SecretDerivation[] = []): string {
  const chart = sequenceChart(actions);
  const lanes = derivations.length === 0 || chart.lanes.includes(attackerLane) ? chart.lanes : [...chart.lanes, attackerLane];
  const reads = readsByStep(derivations);
  const rows = derivationRows(derivations);
  const x = (lane: string): number => left + laneWidth / 2 + lanes.indexOf(lane) * laneWidth;
  const width = left + lanes.length * laneWidth + 10;
  const traceHeight = top + (chart.steps.length + 1) * rowHeight;
  const height = traceHeight + (rows.length === 0 ? 0 : (rows.length + 0.5) * rowHeight * 0.7);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sequence" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f2937"/></marker>' +
      '<marker id="arrow-attacker" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#dc2626"/></marker></defs>',
  ];
  for (const lane of lanes) {
    const attacker = lane === attackerLane;
    out.push(
      `<rect x="${x(lane) - 60}" y="8" width="120" height="24" rx="4" fill="${attacker ? '#fee2e2' : '#e0e7ff'}" stroke="${attacker ? '#dc2626' : '#4338ca'}"/>`,
      `<text x="${x(lane)}" y="24" text-anchor="middle" font-size="12" font-weight="bold">${escapeXml(fit(lane, 18))}</text>`,
      `<line x1="${x(lane)}" y1="32" x2="${x(lane)}" y2="${traceHeight - 8}" stroke="#9ca3af" stroke-dasharray="4 3"/>`,
    );
  }
  chart.steps.forEach((step, i) => {
    const y = top + (i + 1) * rowHeight;
    const colour = step.attacker ? '#dc2626' : '#1f2937';
    const number = `<text x="4" y="${y + 4}" font-size="11" fill="#6b7280">${i + 1}</text>`;
    const tip = `<title>${escapeXml(`${i + 1}. ${step.label}`)}</title>`;
    if (step.attacker) out.push(`<rect x="${left - 4}" y="${y - rowHeight + 10}" width="${width - left}" height="${rowHeight - 4}" fill="#fef2f2"/>`);
    if (step.kind === 'message') {
      const x1 = x(step.from);
      const x2 = x(step.to);
      const self = x1 === x2;
      const mid = self ? x1 + 40 : (x1 + x2) / 2;
      const line = self
        ? `<path d="M${x1},${y - 6} h30 v10 h-30" fill="none" stroke="${colour}" marker-end="url(#${step.attacker ? 'arrow-attacker' : 'arrow'})"/>`
        : `<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${colour}" stroke-width="${step.attacker ? 2 : 1.2}"${step.attacker ? ' stroke-dasharray="6 3"' : ''} marker-end="url(#${step.attacker ? 'arrow-attacker' : 'arrow'})"/>`;
      const maxChars = Math.max(12, Math.floor((self ? laneWidth : Math.abs(x2 - x1)) / 6.2));
      const label = `${step.attacker ? '⚠ ' : ''}${step.text}`;
      out.push(
        `<g class="step${step.attacker ? ' attacker' : ''}">${tip}${number}${line}`,
        `<text x="${mid}" y="${y - 5}" text-anchor="middle" font-size="11" fill="${colour}">${escapeXml(fit(label, maxChars))}</text></g>`,
      );
    } else {
      const cx = x(step.role);
      const label = fit(`${step.attacker ? '⚠ ' : ''}${step.text}`, 22);
      out.push(
        `<g class="step local${step.attacker ? ' attacker' : ''}">${tip}${number}`,
        `<rect x="${cx - 66}" y="${y - 16}" width="132" height="20" rx="3" fill="${step.attacker ? '#fee2e2' : '#fef9c3'}" stroke="${step.attacker ? '#dc2626' : '#ca8a04'}"/>`,
        `<text x="${cx}" y="${y - 2}" text-anchor="middle" font-size="11">${escapeXml(label)}</text></g>`,
      );
    }
    const read = reads.get(i + 1);
    if (read !== undefined) {
      const ax = x(attackerLane);
      out.push(
        `<g class="read"><title>${escapeXml(`after step ${i + 1} the attacker holds:\n${read.join('\n')}`)}</title>`,
        `<circle cx="${ax}" cy="${y + 6}" r="5" fill="#dc2626"/><text x="${ax + 9}" y="${y + 10}" font-size="10" fill="#dc2626">reads (${read.length})</text></g>`,
      );
    }
  });
  rows.forEach((row, i) => {
    const y = traceHeight + (i + 0.5) * rowHeight * 0.7;
    const maxChars = Math.floor((width - left) / 6.2);
    out.push(
      `<g class="derivation"><title>${escapeXml(row.text)}</title>`,
      `<text x="${left}" y="${y}" font-size="11" fill="#991b1b"${row.heading ? ' font-weight="bold"' : ''}>${escapeXml(fit(row.text, maxChars))}</text></g>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
