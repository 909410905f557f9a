import { describe, expect, it } from 'vitest';
import { bsuid, wamid } from './ids.js';

describe('wamid', () => {
  it('encodes the owner number and direction like Meta ids, and never repeats', () => {
    const inboundId = wamid('16505551234', 'inbound');
    const frame = Buffer.from(inboundId.slice('wamid.'.length), 'base64');
    expect(inboundId.startsWith('wamid.HBg')).toBe(true);
    expect(frame.subarray(3, 14).toString('ascii')).toBe('16505551234');
    expect(frame[17]).toBe(0x12);
    expect(frame[frame.length - 1]).toBe(0x00);
    expect(Buffer.from(wamid('16505551234', 'outbound').slice(6), 'base64')[17]).toBe(0x11);
    const many = new Set(Array.from({ length: 500 }, () => wamid('16505551234')));
    expect(many.size).toBe(500);
  });
});

describe('bsuid', () => {
  it('is an ISO country code, a dot and 20 digits', () => {
    expect(bsuid('BR')).toMatch(/^BR\.[1-9]\d{19}$/);
  });
});
