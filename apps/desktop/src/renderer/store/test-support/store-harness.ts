// The page's globals first: the store's services look for window.switchboard as they load.
import { page, removePageGlobals, testBridge } from './page-globals';
import { useStore } from '../index';

const initialState = useStore.getState();

/**
 * Back to a fresh store and a fresh bridge, as zustand's testing guide does between tests
 * (https://zustand.docs.pmnd.rs/guides/testing: `setState(initialState, true)`). Calls still in flight from
 * the last test are answered first, so none of them lands in the next one.
 */
export async function resetStore(): Promise<void> {
  await testBridge.settle();
  testBridge.reset();
  page.focused = true;
  useStore.setState(initialState, true);
}

export { page, removePageGlobals, testBridge, useStore };
