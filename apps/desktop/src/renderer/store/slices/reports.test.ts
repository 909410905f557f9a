import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportDTO, ReportQuery } from '@switchboard/shared';
import { failureText } from '../../i18n/errors';
import { deferred } from '../test-support/deferred';
import { removePageGlobals, resetStore, testBridge, useStore } from '../test-support/store-harness';
import { lastSevenDays } from './reports';

afterEach(resetStore);
afterAll(removePageGlobals);

/** A report that says which query it answers, in its range. */
const reportFor = (query: ReportQuery) =>
  ({ range: { from: query.from, to: query.to, timezone: query.language ?? 'UTC' } }) as ReportDTO;

describe('the reports slice', () => {
  it('opens on the last seven days, today included', () => {
    expect(lastSevenDays(new Date(2026, 2, 2, 15))).toEqual({ from: '2026-02-24', to: '2026-03-02' });
  });

  it('opening the screen loads the report and what the filters offer', async () => {
    testBridge.answer('reports:get', reportFor);
    useStore.getState().setScreen('reports');
    await testBridge.settle();
    expect(testBridge.calls.map((c) => c.command)).toEqual(
      expect.arrayContaining(['reports:get', 'board:get', 'agents:list', 'channels:list']),
    );
    expect(useStore.getState().report?.range.to).toBe(lastSevenDays().to);
  });

  it('a filter set asks again with it; a filter set back to "All" is left out', async () => {
    testBridge.answer('reports:get', reportFor);
    useStore.getState().setReportQuery({ from: '2026-03-02', to: '2026-03-02', language: 'es' });
    await vi.waitFor(() => expect(useStore.getState().report?.range.timezone).toBe('es'));
    useStore.getState().setReportQuery({ language: '' as ReportQuery['language'] });
    await testBridge.settle();
    expect(testBridge.callsOf('reports:get').at(-1)).toEqual([{ from: '2026-03-02', to: '2026-03-02' }]);
  });

  it('shows the newest answer when an older one arrives last', async () => {
    const slow = deferred<ReportDTO>();
    testBridge.answer('reports:get', (query) => (query.language === 'pt' ? slow.promise : reportFor(query)));
    useStore.getState().setReportQuery({ language: 'pt' });
    useStore.getState().setReportQuery({ language: 'en' });
    await vi.waitFor(() => expect(useStore.getState().report?.range.timezone).toBe('en'));
    slow.resolve(reportFor({ ...lastSevenDays(), language: 'pt' }));
    await testBridge.settle();
    expect(useStore.getState().report?.range.timezone).toBe('en');
  });

  it('a failed report says why', async () => {
    testBridge.fail('reports:get', 'UNAVAILABLE', 'the server cannot be reached');
    await useStore.getState().loadReport();
    expect(useStore.getState().reportProblem).toBe(failureText({ code: 'UNAVAILABLE', message: '' }));
  });
});
