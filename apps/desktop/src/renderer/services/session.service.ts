import type { Locale } from '@switchboard/shared';
import { bridge } from './bridge';

export const sessionService = {
  current: () => bridge.api.invoke('session:get'),
  login: (serverUrl: string, email: string, password: string) =>
    bridge.api.invoke('session:login', { serverUrl, email, password }),
  logout: () => bridge.api.invoke('session:logout'),
  setStatus: (status: 'online' | 'away') => bridge.api.invoke('agent:set-status', status),
  setLocale: (locale: Locale) => bridge.api.invoke('session:set-locale', locale),
};
