// Registry entry: the benchmark model of examples/benchmark (figures comparable with other checkers).
import { benchmarkConfigSchema } from '../../../examples/benchmark/benchmarkConfigSchema.ts';
import { createBenchmark } from '../../../examples/benchmark/createBenchmark.ts';
import { parseConfig } from './parseConfig.ts';
import type { BuiltSystem, RegisteredSystem } from './RegisteredSystem.ts';

export function buildSystem(_name: string, config: unknown): BuiltSystem {
  return createBenchmark(parseConfig('benchmark', benchmarkConfigSchema, config));
}

export const benchmarkSystem: RegisteredSystem = {
  description: 'Benchmark model: MCIM lifecycle (XState), a server and network that replay anything ever sent; maxP bounds provisioning messages',
  build: (config) => buildSystem('benchmark', config),
  module: import.meta.url,
};
