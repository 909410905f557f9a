import type { Machine } from './machine.js';

export type Conditions = {
  machine: Machine;
  database: string;
  processes: number | null;
  sockets: number | null;
  rate: number | string | null;
  duration: string;
  loadAverageAtStart: number[];
  /** When the row was measured (rows of scenarios not run again are kept from earlier runs). */
  measuredAt?: string;
  [more: string]: unknown;
};

/** One row of bench/results/latest.json. */
export type ScenarioResult = {
  name: string;
  /** The scenario that measured it (set by main.ts). */
  scenario?: string;
  conditions: Conditions;
  figures: Record<string, unknown>;
  baselineFigures: Record<string, unknown> | null;
  ratios: Record<string, number> | null;
  target?: { description: string; met: boolean | null };
  notes?: string[];
};

export type BenchOptions = {
  durationS: number;
  drainS: number;
  connections: number[];
  agents: number;
  rates: number[];
};

/** A scenario returns its rows (a scenario may measure several conditions, e.g. one row per rate). */
export type Scenario = {
  name: string;
  describe: string;
  /** Not part of a plain `pnpm bench` (too long); run it with --scenario. */
  optIn?: boolean;
  run(options: BenchOptions): Promise<ScenarioResult[]>;
};
