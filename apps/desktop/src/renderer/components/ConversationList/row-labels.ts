/** Room for label chips in a row's bottom line, in pixels, by how many clocks (SLA, 24-hour window) it shows. */
const ROOM_BY_CLOCKS = [250, 180, 110];
/** A chip's padding and gap, and a character of its 11px bold text, as the list's CSS draws them (about). */
const CHIP_PX = 20;
const CHAR_PX = 6;
/** The "+N" chip that counts the labels left out. */
const MORE_PX = 32;

const chipWidth = (label: string) => CHIP_PX + CHAR_PX * label.length;

/**
 * How many of a row's labels to show whole: as many as fit beside the priority and the clocks, leaving room
 * for the "+N" that counts the rest, and at least one. An estimate: a longer label than it expects ends in an
 * ellipsis, and the "+N" never shrinks, so it always shows.
 */
export function labelsThatFit(labels: readonly string[], clocks: number): number {
  const room = ROOM_BY_CLOCKS[Math.min(clocks, 2)]!;
  let used = 0;
  for (let shown = 0; shown < labels.length; shown++) {
    used += chipWidth(labels[shown]!);
    const more = shown + 1 < labels.length ? MORE_PX : 0;
    if (used + more > room) return Math.max(1, shown);
  }
  return labels.length;
}
