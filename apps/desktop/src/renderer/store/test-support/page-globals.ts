import { TestBridge } from './test-bridge';

/**
 * What the store reads from its page: `window.switchboard` (Electron's preload puts the contract there; the
 * test bridge stands in) and `document.hasFocus()` (whether the agent is looking at the window). Installed
 * before the store's modules load, since the services pick their bridge when they load.
 */
export const testBridge = new TestBridge();
export const page = { focused: true };

Object.assign(globalThis, {
  window: { switchboard: testBridge },
  document: { hasFocus: () => page.focused },
});

/** Takes the page's globals away again, so nothing else in this worker sees a browser that is not there. */
export function removePageGlobals(): void {
  Reflect.deleteProperty(globalThis, 'window');
  Reflect.deleteProperty(globalThis, 'document');
}
