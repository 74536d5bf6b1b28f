// Registry entry: the benchmark model of bench/model (figures comparable with other checkers).
import { benchmarkConfigSchema } from '../../../bench/model/benchmarkConfigSchema.ts';
import { createBenchmark } from '../../../bench/model/createBenchmark.ts';
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
