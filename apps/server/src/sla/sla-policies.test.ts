import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadSlaPolicies } from './sla-policies.js';

const dir = mkdtempSync(join(tmpdir(), 'sla-policies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const policy = { firstResponseMinutes: 30, nextResponseMinutes: 15, resolutionMinutes: 600, warnAtPercent: 75 };
const ladder = [{ afterBreachMinutes: 0, action: 'notify_agent' }];
const validFile = { escalation: ladder, policies: { low: policy, normal: policy, high: policy, urgent: policy } };

function writePolicies(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function refusal(path: string): string {
  try {
    loadSlaPolicies(path);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('policies were accepted');
}

describe('loadSlaPolicies', () => {
  it('ships the documented defaults', () => {
    vi.stubEnv('SLA_POLICIES_FILE', '');
    const policies = loadSlaPolicies();
    expect(policies.urgent).toMatchObject({
      firstResponseMinutes: 5,
      nextResponseMinutes: 5,
      resolutionMinutes: 240,
      warnAtPercent: 80,
    });
    expect(policies.high).toMatchObject({ firstResponseMinutes: 15, nextResponseMinutes: 8, resolutionMinutes: 480 });
    expect(policies.normal).toMatchObject({
      firstResponseMinutes: 60,
      nextResponseMinutes: 30,
      resolutionMinutes: 1440,
    });
    expect(policies.low).toMatchObject({
      firstResponseMinutes: 240,
      nextResponseMinutes: 120,
      resolutionMinutes: 4320,
    });
    expect(policies.normal.escalation).toEqual([
      { afterBreachMinutes: 0, action: 'notify_agent' },
      { afterBreachMinutes: 5, action: 'raise_priority' },
      { afterBreachMinutes: 10, action: 'reassign' },
      { afterBreachMinutes: 15, action: 'notify_supervisors' },
    ]);
  });

  it('reads the file named by SLA_POLICIES_FILE', () => {
    vi.stubEnv('SLA_POLICIES_FILE', writePolicies('from-env.json', validFile));
    expect(loadSlaPolicies().high.firstResponseMinutes).toBe(30);
  });

  it('gives each policy the shared ladder unless it brings its own', () => {
    const urgentLadder = [{ afterBreachMinutes: 0, action: 'notify_supervisors' }];
    const path = writePolicies('override.json', {
      ...validFile,
      policies: { ...validFile.policies, urgent: { ...policy, escalation: urgentLadder } },
    });
    const policies = loadSlaPolicies(path);
    expect(policies.urgent.escalation).toEqual(urgentLadder);
    expect(policies.low.escalation).toEqual(ladder);
  });

  it('names the policy and field of every problem at once', () => {
    const { nextResponseMinutes: _dropped, ...withoutNext } = policy;
    const path = writePolicies('bad.json', {
      escalation: [...ladder, { afterBreachMinutes: 1.5, action: 'page_ceo' }],
      policies: {
        low: withoutNext,
        normal: policy,
        high: { ...policy, warnAtPercent: 120 },
        urgent: { ...policy, resolutionMinutes: 0 },
      },
    });
    const message = refusal(path);
    expect(message).toContain(`Invalid SLA policies in ${path}`);
    expect(message).toContain('policies.high.warnAtPercent: must be from 1 to 99');
    expect(message).toContain('policies.low.nextResponseMinutes: is missing');
    expect(message).toContain('policies.urgent.resolutionMinutes: must be more than 0');
    expect(message).toContain('escalation.1.afterBreachMinutes: must be whole minutes');
    expect(message).toMatch(/escalation\.1\.action: .*notify_agent/);
  });

  it('refuses a missing policy, a misspelt field and a ladder out of order', () => {
    const { urgent: _dropped, ...threePolicies } = validFile.policies;
    expect(refusal(writePolicies('no-urgent.json', { ...validFile, policies: threePolicies }))).toContain(
      'policies.urgent: is missing',
    );
    const typo = { ...validFile, policies: { ...validFile.policies, normal: { ...policy, warnAtPercnt: 80 } } };
    expect(refusal(writePolicies('typo.json', typo))).toMatch(/policies\.normal: Unrecognized key: "warnAtPercnt"/);
    const unordered = [
      { afterBreachMinutes: 10, action: 'reassign' },
      { afterBreachMinutes: 5, action: 'raise_priority' },
    ];
    expect(refusal(writePolicies('unordered.json', { ...validFile, escalation: unordered }))).toContain(
      'escalation.1.afterBreachMinutes: must not come before the step above it (10)',
    );
  });

  it('names the file when it cannot be read or is not JSON', () => {
    expect(refusal(join(dir, 'absent.json'))).toMatch(/absent\.json:\n.*cannot be read as JSON: ENOENT/);
    expect(refusal(writePolicies('broken.json', '{ "policies": '))).toMatch(/broken\.json:\n.*cannot be read as JSON/);
  });
});
