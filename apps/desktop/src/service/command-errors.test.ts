import { describe, expect, it } from 'vitest';
import { InboxCommandArgs } from '../contract/inbox-api.js';
import { describeArgumentIssues } from './command-errors.js';

const refusal = (command: keyof typeof InboxCommandArgs, args: unknown[]) => {
  const parsed = InboxCommandArgs[command].safeParse(args);
  if (parsed.success) throw new Error(`${command} accepted ${JSON.stringify(args)}`);
  return describeArgumentIssues(parsed.error);
};

describe("a command's bad arguments, as the renderer reads them", () => {
  it('names a field by its own path, a whole argument by its position, the tuple by "arguments"', () => {
    expect(refusal('session:login', [{ serverUrl: 'nope', email: 'a@b.c', password: 'x' }])).toMatch(/^serverUrl: /);
    expect(refusal('conversation:act', ['0123456789abcdef01234567', { type: 'labels', labels: [''] }])).toMatch(
      /^labels\.0: /,
    );
    expect(refusal('thread:get', ['not-an-id'])).toMatch(/^argument 1: /);
    expect(refusal('session:get', ['extra'])).toMatch(/^arguments: /);
  });

  it('lists every problem, one after another', () => {
    expect(refusal('reply:send', ['bad-id', { type: 'text' }]).split('; ')).toEqual([
      expect.stringMatching(/^argument 1: /),
      expect.stringMatching(/^body: /),
    ]);
  });
});
