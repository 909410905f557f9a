import { bridge } from './bridge';

export const boardService = {
  queues: () => bridge.api.invoke('board:get'),
  history: () => bridge.api.invoke('board:history'),
  agents: () => bridge.api.invoke('agents:list'),
  transferTargets: () => bridge.api.invoke('transfer:targets'),
  deadLetters: () => bridge.api.invoke('dead-letters:list'),
  replay: (messageId: string) => bridge.api.invoke('dead-letters:replay', messageId),
  inboundDeadLetters: () => bridge.api.invoke('intake-dead-letters:list'),
  replayInbound: (id: string) => bridge.api.invoke('intake-dead-letters:replay', id),
  replayAllInbound: () => bridge.api.invoke('intake-dead-letters:replay-all'),
};
