import { bridge } from './bridge';

export const sendHealthService = {
  list: () => bridge.api.invoke('channels:send-health'),
};
