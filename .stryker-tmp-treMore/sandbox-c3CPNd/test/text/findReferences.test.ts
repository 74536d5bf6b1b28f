// The [tx cmy] reference finder: every form the TR texts use, and each malformed form with its intended reading.
import { describe, expect, it } from 'vitest';
import { keysOf } from '../../src/text/counterMeasureKeys.ts';
import { findReferences, renderReference } from '../../src/text/findReferences.ts';

const one = (line: string) => {
  const refs = findReferences([line]);
  expect(refs).toHaveLength(1);
  const ref = refs[0];
  if (ref === undefined) throw new Error('no reference');
  return { raw: ref.raw, reading: renderReference(ref.segments), problems: ref.problems.map((p) => p.code), keys: keysOf(ref.segments) };
};

describe('findReferences', () => {
  it('reads lists, ranges with "-" and "through", and spaces after "cm"', () => {
    expect(one('support [t4 cm1, 2, 3, 4].').keys).toEqual(['t4.cm1', 't4.cm2', 't4.cm3', 't4.cm4']);
    expect(one('users [t10 cm 1 - 3].')).toMatchObject({ raw: '[t10 cm 1 - 3]', problems: [], keys: ['t10.cm1', 't10.cm2', 't10.cm3'] });
    expect(one('users [t10 cm 1 through 3].').keys).toEqual(['t10.cm1', 't10.cm2', 't10.cm3']);
    expect(one('[t2 cm4, t7 cm2 - 4, t8 cm3 - 4]')).toMatchObject({ reading: '[t2 cm4, t7 cm2 - 4, t8 cm3 - 4]', problems: [] });
  });

  it('finds several references on one line with their columns', () => {
    const refs = findReferences(['A TRE [t1 cm1] should be separate [t1 cm1, 2].']);
    expect(refs.map((r) => [r.column, r.raw])).toEqual([
      [7, '[t1 cm1]'],
      [35, '[t1 cm1, 2]'],
    ]);
  });

  it('reads "[t2, cm3]" as t2 cm3 and reports the comma', () => {
    expect(one('MCIMs [t1 cm1, t2, cm3].')).toMatchObject({ reading: '[t1 cm1, t2 cm3]', problems: ['comma-between-threat-and-cm'] });
  });

  it('reports a full stop or a missing comma between references', () => {
    expect(one('stages [t7 cm1. t8 cm6].')).toMatchObject({ reading: '[t7 cm1, t8 cm6]', problems: ['wrong-separator'] });
    expect(one('[t1 cm4 t5 cm5].')).toMatchObject({ reading: '[t1 cm4, t5 cm5]', problems: ['missing-comma'] });
    expect(one('[t2 cm4, t7 cm2, 3, 4 t8 cm3, 4]')).toMatchObject({ reading: '[t2 cm4, t7 cm2, 3, 4, t8 cm3, 4]', problems: ['missing-comma'] });
  });

  it('reports unclosed and unopened brackets without swallowing the sentence end', () => {
    expect(one('source [t7 cm7.')).toMatchObject({ raw: '[t7 cm7', reading: '[t7 cm7]', problems: ['unclosed-bracket'] });
    expect(one('that process t2 cm3, t3 cm4]. The')).toMatchObject({ raw: 't2 cm3, t3 cm4]', problems: ['missing-open-bracket'] });
  });

  it('reports a threat with no counter-measure', () => {
    expect(one('[t8 cm7, t9]')).toMatchObject({ reading: '[t8 cm7]', problems: ['threat-without-cm'] });
  });

  it('reads what an editor mistyped instead of dropping it, and names what is wrong', () => {
    expect(one('x [T2 CM1, 3] y')).toMatchObject({ reading: '[t2 cm1, 3]', problems: ['uppercase'] });
    expect(one('x [cm4] y')).toMatchObject({ reading: '[]', problems: ['cm-without-threat'] });
    expect(one('x [] y')).toMatchObject({ raw: '[]', problems: ['empty-brackets'] });
    expect(one('x [[t1 cm1]] y')).toMatchObject({ reading: '[t1 cm1]', problems: ['doubled-brackets'] });
    expect(one('x [t1 [cm1]] y')).toMatchObject({ reading: '[t1 cm1]', problems: ['nested-brackets'] });
    expect(one('x [t6 c4]. y')).toMatchObject({ raw: '[t6 c4]', reading: '[t6 cm4]', problems: ['unknown-mark'] });
    expect(one('x [t6 cm4, t6 cm4].')).toMatchObject({ problems: ['duplicate'] });
  });

  it('changes no form silently: each character passed over or read as something else is reported with its column', () => {
    const problems = (line: string) => {
      const ref = findReferences([line])[0];
      return { reading: renderReference(ref?.segments ?? []), problems: (ref?.problems ?? []).map((p) => [p.code, p.column, p.message]) };
    };
    expect(problems('x [t2 cm4, t7 cm2 -, t8 cm3 - 4] y')).toEqual({
      reading: '[t2 cm4, t7 cm2, t8 cm3 - 4]',
      problems: [['unfinished-range', 19, '"-" at column 19 is followed by ",", not a counter-measure number: an unfinished range']],
    });
    expect(problems('x [t2 cm4 - t8 cm3] y').problems).toEqual([['unfinished-range', 11, '"-" at column 11 is followed by t8, not a counter-measure number: an unfinished range']]);
    expect(problems('x [t8 cm3 - 4 - 5] y').problems).toEqual([['bad-range', 15, 'a second "-" at column 15 continues the range 3 - 4']]);
    expect(problems('x [t4 cm5 and t6 cm5] y')).toEqual({ reading: '[t4 cm5, t6 cm5]', problems: [['wrong-separator', 11, '"and" at column 11 used as a separator where "," was meant']] });
    expect(problems('x [t1 cm1,, 2] y').problems).toEqual([['doubled-separator', 11, '"," at column 11 follows "," at column 10']]);
    expect(problems('x [t8 cm9,] y').problems).toEqual([['trailing-separator', 10, '"," at column 10 before "]": nothing follows it']]);
    expect(problems('x [t6 cm3]] y').problems).toEqual([['extra-bracket', 11, 'a second "]" at column 11']]);
    expect(problems('x [t#6 cm#4] y')).toEqual({
      reading: '[t6 cm4]',
      problems: [
        ['unknown-mark', 5, '"#" at column 5 in "t#6" (the TR writes "t6")'],
        ['unknown-mark', 10, '"#" at column 10 in "cm#4" (the TR writes "cm4")'],
      ],
    });
    expect(problems('x [threat 6 cm4] y')).toEqual({ reading: '[t6 cm4]', problems: [['written-out-mark', 4, '"threat 6" at column 4 is written out (the TR writes "t6")']] });
    expect(problems('x [t1 cm1 to 3] y').problems).toEqual([['wrong-separator', 11, '"to" at column 11 used for a range where "-" was meant']]);
  });

  it('names the wrong bracket an editor typed rather than saying none is there', () => {
    expect(one('x (t2 cm3, t3 cm4] y')).toMatchObject({ reading: '[t2 cm3, t3 cm4]', problems: ['wrong-bracket'] });
    expect(findReferences(['x (t2 cm3, t3 cm4] y'])[0]?.problems[0]?.message).toBe('"(" at column 3 where "[" was meant');
    expect(findReferences(['x [t2 cm3) y'])[0]?.problems.map((p) => p.message)).toEqual(['")" at column 10 where "]" was meant']);
  });

  it('joins a reference split across a line break and does not read its second half again', () => {
    const refs = findReferences(['A TRE [t6', 'cm4]. Then [t1 cm1].']);
    expect(refs.map((r) => [r.line, r.column, r.endLine, renderReference(r.segments), r.problems.map((p) => p.code)])).toEqual([
      [1, 7, 2, '[t6 cm4]', ['split-across-lines']],
      [2, 12, 2, '[t1 cm1]', []],
    ]);
  });

  it('ignores citations and words that only look like references', () => {
    expect(findReferences(['as described in [8] and [NISCC]; at 3 cm; the test t1.', 'cross-referencing takes the form [tx cmy]'])).toEqual([]);
  });
});
