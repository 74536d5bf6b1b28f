// Branded strings for keys that must not be mixed up (property ids, counter-measure ids).
export type Brand<T, B extends string> = T & { readonly __brand: B };
