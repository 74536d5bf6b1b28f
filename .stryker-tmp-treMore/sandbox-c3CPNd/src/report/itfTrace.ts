// A counterexample in the Informal Trace Format (ITF) of Apalache and Quint, so their viewers and
// model-based-testing tools read it: {"#meta", "vars", "states"}, each state a record of the variables.
// ITF has no null and no floats; integers beyond 2^53 are {"#bigint"}. Anything else is {"#unserializable"}.
import type { Trace } from '../engine/Trace.ts';

export type ItfValue = boolean | string | number | readonly ItfValue[] | { readonly [key: string]: ItfValue };

export interface ItfTrace {
  readonly '#meta': Readonly<Record<string, ItfValue>>;
  readonly vars: readonly string[];
  readonly states: readonly Readonly<Record<string, ItfValue>>[];
  /** A lasso (ADR-015 `loop`): after the last state the run goes on at states[loop], forever. */
  readonly loop?: number;
}

/** The variable holding the action taken into a state, as Quint's model-based testing names it. */
export const itfActionVar = 'mbt::actionTaken';

export function itfValue(value: unknown): ItfValue {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    return Number.isInteger(value) ? { '#bigint': BigInt(value).toString() } : { '#unserializable': String(value) };
  }
  if (typeof value === 'bigint') return { '#bigint': value.toString() };
  if (Array.isArray(value)) return value.map(itfValue);
  if (value instanceof Set) return { '#set': [...value].map(itfValue) };
  if (value instanceof Map) return { '#map': [...value].map(([k, v]) => [itfValue(k), itfValue(v)]) };
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, itfValue(v)]));
  }
  return { '#unserializable': String(value) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);

export function itfTrace(trace: Trace, description: string): ItfTrace {
  // A state whose description is a record becomes one ITF variable per field; any other, one variable `state`.
  const first = trace.states[0];
  const fields = isRecord(first) ? Object.keys(first) : undefined;
  const sameFields = fields !== undefined && trace.states.every((s) => isRecord(s) && Object.keys(s).join('\0') === fields.join('\0'));
  const vars = sameFields ? [...fields, itfActionVar] : ['state', itfActionVar];
  // A liveness lasso repeats states[trace.loop] as its last state; ITF loops back to it instead. A run that stays in
  // its last state loops on that state.
  const lasso = trace.loop !== undefined && trace.loop < trace.actions.length;
  const kept = lasso ? trace.states.slice(0, -1) : trace.states;
  const states = kept.map((s, i) => {
    const values: Record<string, ItfValue> = sameFields ? (itfValue(s) as Record<string, ItfValue>) : { state: itfValue(s) };
    return { '#meta': { index: i }, ...values, [itfActionVar]: i === 0 ? 'init' : (trace.actions[i - 1] ?? '') };
  });
  return {
    '#meta': {
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source: `trecheck ${trace.system}`,
      description,
      property: trace.property,
      method: trace.method,
      ...(trace.seed === undefined ? {} : { seed: trace.seed }),
    },
    vars,
    states,
    ...(trace.loop === undefined ? {} : { loop: lasso ? trace.loop : states.length - 1 }),
  };
}
