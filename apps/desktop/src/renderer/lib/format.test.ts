import { describe, expect, it } from 'vitest';
import { channelNumber, formatPhone } from './format';

describe('phone numbers as agents read them', () => {
  it("groups a WhatsApp id as the customer's country writes it", () => {
    expect(formatPhone('5511966660002')).toBe('+55 11 96666 0002');
    expect(formatPhone('5491155550101')).toBe('+54 9 11 5555 0101');
    expect(formatPhone('15551234567')).toBe('+1 555 123 4567');
    expect(formatPhone(null)).toBeNull();
  });

  it("shows the business number the same way, and a number's name when it has no number", () => {
    expect(channelNumber({ displayPhoneNumber: '15550100', name: 'Main line' })).toBe('+1 5550100');
    expect(channelNumber({ displayPhoneNumber: '15551234567', name: 'Main line' })).toBe('+1 555 123 4567');
    expect(channelNumber({ displayPhoneNumber: '+1 555-010-0000', name: 'Main line' })).toBe('+1 555-010-0000');
    expect(channelNumber({ displayPhoneNumber: null, name: 'Main line' })).toBe('Main line');
  });
});
