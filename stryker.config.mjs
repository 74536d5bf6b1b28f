// StrykerJS configuration (`npm run mutation`): the security checks of the TRE, SHO, RO and PVA and the term readers
// they share, found by function name (not by line number, so that edits elsewhere in a file do not shift what is
// mutated). The command runner runs the threat suite (`trecheck check --bail`) against each mutant.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** The functions whose every condition is a security check, by part and file (docs/threats.md "Mutation
 *  survivors"). A part is run alone with `MUTATION_PART=<part> npm run mutation` (its reports under
 *  reports/mutation/<part>/), so that two parts can share a loaded machine; without it every part is run. */
export const parts = {
  // The TRE (treChecks.ts): lifecycle commands [t7 cm1]; registration objects and the bootstrap (x.2.2, x.2.3);
  // the MCIM object and activation [t5 cm3, t12 cm2]; the subscriber's instruction, the user, firmware updates.
  treLifecycle: { 'models/roles/treChecks.ts': ['lifecycleFromCommand', 'userLifecycle'] },
  treRegistration: { 'models/roles/treChecks.ts': ['readOutstanding', 'readBootstrap'] },
  treObjects: { 'models/roles/treChecks.ts': ['signedBy', 'readMcimObject', 'readActivation'] },
  treUser: { 'models/roles/treChecks.ts': ['readInstruction', 'userAuthenticated', 'userGateOpen', 'updateOf'] },
  // `userLifecycle` alone (also in treLifecycle): its re-run after the scenario t10-user-command.
  userLifecycle: { 'models/roles/treChecks.ts': ['userLifecycle'] },
  pva: { 'models/roles/pva.ts': ['certified', 'validate'] },
  // The SHO's and the RO's checks.
  operators: {
    'models/roles/sho.ts': ['registrationFields', 'treKeyOf', 'treSigned', 'registrationForMe', 'identityAuthenticated', 'validationOf', 'reportOk'],
    'models/roles/registrationOperator.ts': ['deviceIn', 'authorisation', 'registrationSho', 'subscription', 'selection', 'discardAcknowledged'],
  },
  // Re-runs after a new scenario: the DRF's step-14 registration (preset change-via-old-sho-no-notice).
  drfSubscription: { 'models/roles/registrationOperator.ts': ['subscription'] },
  // The OMA DM session's checks at both ends ([t2 cm4] mutual authentication, x.2.2) and the TRE's MCIM update
  // service (5.1.2.3 [t7 cm7]).
  sessionAndUpdate: {
    'models/roles/dmSession.ts': ['serverAuthenticated', 'clientAuthenticated', 'inDmSession'],
    'models/roles/treMcimUpdate.ts': ['mcimUpdateOf'],
  },
  // Re-runs after new scenarios and claims on what a TRE step changes (t7-update-two-instances,
  // t7-owner-blocks-no-block-from-installed): the owner's lifecycle command check and the MCIM update check alone.
  lifecycleCommand: { 'models/roles/treChecks.ts': ['lifecycleFromCommand'] },
  mcimUpdate: { 'models/roles/treMcimUpdate.ts': ['mcimUpdateOf'] },
  // Re-run after t6-update-for-other-device (the supplier's update for the attacker's own device): the update check alone.
  firmwareUpdate: { 'models/roles/treChecks.ts': ['updateOf'] },
  // The OMA DM session's checks alone (sessionAndUpdate without the MCIM update): a re-run after their survivors were read.
  dmSession: { 'models/roles/dmSession.ts': ['serverAuthenticated', 'clientAuthenticated', 'inDmSession'] },
  // The term readers every role's checks use.
  terms: { 'models/readTerm.ts': ['fieldsOf', 'verifySigned', 'decryptWith', 'macMatches', 'nameId', 'same'] },
};

const part = process.env.MUTATION_PART;
if (part !== undefined && !(part in parts)) throw new Error(`MUTATION_PART: unknown part '${part}'; parts: ${Object.keys(parts).join(', ')}`);

/** file -> function names of the part run (all parts when none is chosen). */
function checksOf(chosen) {
  const out = {};
  for (const files of chosen === undefined ? Object.values(parts) : [parts[chosen]]) {
    // Re-run parts repeat functions of the others: each function once.
    for (const [file, names] of Object.entries(files)) out[file] = [...new Set([...(out[file] ?? []), ...names])];
  }
  return out;
}

/** `file:start-end` (1-based lines) of each named function, a `function` declaration or a `const name = (...) =>`. */
export function mutateRanges(files) {
  return Object.entries(files).flatMap(([file, names]) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const line = (pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
    const found = new Map();
    const visit = (node) => {
      if (ts.isFunctionDeclaration(node) && node.name !== undefined) found.set(node.name.text, node);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && ts.isArrowFunction(node.initializer)) found.set(node.name.text, node);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return names.map((n) => {
      const node = found.get(n);
      if (node === undefined) throw new Error(`stryker.config.mjs: no function ${n} in ${file}`);
      return `${file}:${line(node.getStart(source))}-${line(node.getEnd())}`;
    });
  });
}

const reportDir = part === undefined ? 'reports/mutation' : `reports/mutation/${part}`;

export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  testRunner: 'command',
  commandRunner: { command: 'node --import tsx src/cli/main.ts check --bail --format json --out .stryker-out' },
  mutate: mutateRanges(checksOf(part)),
  mutator: {
    // Only a condition replaced by true/false (a check skipped or always failing, issue 17); operators, string tags
    // and the rest mostly break the honest flows and would multiply the run time.
    excludedMutations: [
      'ArithmeticOperator', 'ArrayDeclaration', 'ArrowFunction', 'AssignmentOperator', 'BlockStatement',
      'EqualityOperator', 'LogicalOperator', 'MethodExpression', 'ObjectLiteral', 'OptionalChaining', 'Regex',
      'StringLiteral', 'UnaryOperator', 'UpdateOperator',
    ],
  },
  ignorePatterns: ['/.stryker-*', '/reports/mutation', '/reports/latest', '/reports/scratch', '/reports/cache'],
  // event-recorder: one file per mutant as it is tested, so survivors can be read while a long run goes on.
  reporters: ['html', 'json', 'clear-text', 'progress', 'event-recorder'],
  eventReporter: { baseDir: `${reportDir}/events` },
  htmlReporter: { fileName: `${reportDir}/mutation.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  incremental: false,
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // A mutant's run may take several times the dry run's when other processes load the machine (measured: the dry
  // run 19 s idle, 87 s at load 9-10): a generous fixed margin, so that a timeout means a search that ran away.
  timeoutFactor: 2,
  timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 180000),
  tempDirName: part === undefined ? '.stryker-tmp' : `.stryker-tmp-${part}`,
  disableTypeChecks: false,
  cleanTempDir: 'always',
};
