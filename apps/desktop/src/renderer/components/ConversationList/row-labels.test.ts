import { describe, expect, it } from 'vitest';
import { labelsThatFit } from './row-labels';

describe('the labels a conversation row shows whole', () => {
  it('shows every label that fits, and fewer as the row carries more clocks', () => {
    expect(labelsThatFit(['billing', 'vip'], 2)).toBe(2);
    expect(labelsThatFit(['billing', 'refund', 'vip-followup'], 2)).toBe(1);
    expect(labelsThatFit(['courier', 'shipping', 'warranty'], 1)).toBe(2);
    expect(labelsThatFit(['courier', 'shipping', 'warranty'], 0)).toBe(3);
  });

  it('keeps room for the count of the rest, and always shows one', () => {
    expect(labelsThatFit(['delivery', 'refund', 'vip'], 2)).toBe(1);
    expect(labelsThatFit(['a-very-long-label-indeed-about-refunds', 'b'], 2)).toBe(1);
    expect(labelsThatFit([], 2)).toBe(0);
  });
});
