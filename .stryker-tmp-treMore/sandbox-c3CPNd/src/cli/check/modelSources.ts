// Where things of the TR model are written, for SARIF locations: a property at its definition line, a scenario at
// the line that names it, and a step of a trace at the transition of the receiving role (the `on` key of its event
// in models/roles/). Lines are found by reading the package's sources, so they follow edits.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package/packageRoot.ts';
import type { SourceLine } from '../../report/Report.ts';
import { sequenceStep } from '../../report/sequenceSteps.ts';

// The file of each role of models/roleIds.ts (both SHOs share one machine).
const roleFiles: Readonly<Record<string, string>> = {
  supplier: 'models/roles/equipmentSupplier.ts',
  subscriber: 'models/roles/subscriber.ts',
  m2me: 'models/roles/m2me.ts',
  tre: 'models/roles/tre.ts',
  vno: 'models/roles/vno.ts',
  icsp: 'models/roles/non3gppIcsp.ts',
  ro: 'models/roles/registrationOperator.ts',
  pva: 'models/roles/pva.ts',
  sho1: 'models/roles/sho.ts',
  sho2: 'models/roles/sho.ts',
};

const cache = new Map<string, readonly string[]>();
function lines(file: string): readonly string[] {
  let l = cache.get(file);
  if (l === undefined) {
    const full = join(packageRoot(), file);
    l = existsSync(full) ? readFileSync(full, 'utf8').split('\n') : [];
    cache.set(file, l);
  }
  return l;
}

/** The first line of `file` that `test` accepts, 1-based. */
function lineIn(file: string, test: (line: string) => boolean): SourceLine | undefined {
  const i = lines(file).findIndex(test);
  return i < 0 ? undefined : { file, line: i + 1 };
}

function tsFiles(dir: string): string[] {
  const full = join(packageRoot(), dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [])).sort();
}

const firstOf = <T>(xs: readonly (() => T | undefined)[]): T | undefined => {
  for (const x of xs) {
    const v = x();
    if (v !== undefined) return v;
  }
  return undefined;
};

/** A property's definition: the line with `propertyId('Id')` under properties/. */
export function propertySource(id: string): SourceLine | undefined {
  return firstOf(tsFiles('properties').map((f) => () => lineIn(f, (l) => l.includes(`propertyId('${id}')`))));
}

/** A scenario: the line naming it in the presets or a threat file; else its flow's line in the presets. */
export function scenarioSource(name: string, flow: string): SourceLine | undefined {
  const files = ['models/flows/presets.ts', ...tsFiles('properties/threats')];
  return (
    firstOf(files.map((f) => () => lineIn(f, (l) => l.includes(`name: '${name}'`)))) ??
    lineIn('models/flows/presets.ts', (l) => l.includes(`flow: '${flow}'`))
  );
}

/** A step of a trace: the transition of the role that takes it (the receiver of a message, the role of a local
 *  event), at the `on` key of its event, else the file's first line that names the event. */
export function stepSource(label: string): SourceLine | undefined {
  const step = sequenceStep(label);
  const role = step.kind === 'message' ? step.to : step.role;
  const event = (step.text.split(/\s+/)[0] ?? '').replace(/[^A-Za-z0-9_]/g, '');
  const file = roleFiles[role];
  if (file === undefined || event === '') return undefined;
  const key = new RegExp(`^\\s*${event}:`);
  return lineIn(file, (l) => key.test(l)) ?? lineIn(file, (l) => l.includes(`'${event}'`)) ?? { file, line: 1 };
}
