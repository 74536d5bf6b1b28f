// Writes test/fixtures/text/meaning-held-out.json, the held-out altered copies of the meaning check
// (test/text/meaningHeldOut.ts says how they are drawn). Reads the TR texts from TRECHECK_SEEDS.
// Run once, before any threshold is changed; the test checks the file is what the fixed seed gives.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCounterMeasureIndex } from '../src/text/CounterMeasureIndex.ts';
import { parseThreatAnalysis } from '../src/text/parseThreatAnalysis.ts';
import { makeHeldOutCases } from '../test/text/meaningHeldOut.ts';
import { seedText } from '../test/text/textFixtures.ts';

const out = fileURLToPath(new URL('../test/fixtures/text/meaning-held-out.json', import.meta.url));
const analysis = parseThreatAnalysis(seedText('003'));
const index = analysis === undefined ? undefined : buildCounterMeasureIndex(analysis);
if (index === undefined) throw new Error('003 has no Alternative 1 analysis');
const set = makeHeldOutCases({ '000': seedText('000'), '001': seedText('001'), '004': seedText('004') }, index);
writeFileSync(out, `${JSON.stringify(set, null, 2)}\n`);
console.log(`${set.cases.length} held-out cases written to ${out}`);
