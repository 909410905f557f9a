import type { Cell } from './cells.js';
import type { Counter, CsatComment, HourlyCounter, RollupWriter, Series } from './rollup-writer.js';

/** One count a change makes, as data: decided first, written once the facts it depends on are saved. */
export type Tally =
  | { kind: 'count'; at: Date; cell: Cell; counter: Counter; amount: number }
  | { kind: 'hourly'; at: Date; cell: Cell; counter: HourlyCounter }
  | { kind: 'record'; at: Date; cell: Cell; series: Series; seconds: number }
  | { kind: 'reason'; at: Date; cell: Cell; reason: string }
  | { kind: 'comment'; cell: Cell; comment: CsatComment };

export function applyTally(writer: RollupWriter, tally: Tally): void {
  switch (tally.kind) {
    case 'count':
      return writer.count(tally.at, tally.cell, tally.counter, tally.amount);
    case 'hourly':
      return writer.countHourly(tally.at, tally.cell, tally.counter);
    case 'record':
      return writer.record(tally.at, tally.cell, tally.series, tally.seconds);
    case 'reason':
      return writer.countReason(tally.at, tally.cell, tally.reason);
    case 'comment':
      return writer.comment(tally.cell, tally.comment);
  }
}
