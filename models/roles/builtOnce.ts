// A role's machine is built once per device (or per set of devices it addresses), so that every world of a
// scenario, and every scenario with the same devices, shares one machine and its memoised steps.

/** `build` memoised by `keyOf` of its argument (the argument itself by default). */
export function builtOnce<A, M>(build: (arg: A) => M, keyOf: (arg: A) => unknown = (arg) => arg): (arg: A) => M {
  const built = new Map<unknown, M>();
  return (arg) => {
    const key = keyOf(arg);
    let m = built.get(key);
    if (m === undefined) built.set(key, (m = build(arg)));
    return m;
  };
}
