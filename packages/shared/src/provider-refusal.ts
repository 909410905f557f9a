/**
 * Meta's error codes whose refusal an agent reads on a failed reply. The server explains each one
 * (apps/server/src/domain/provider-errors.ts, in English for API users and bots); the desktop says it in the
 * agent's language by this code, and shows the server's sentence for any other.
 */
export const REFUSED_PROVIDER_CODES = [
  100, 190, 368, 470, 131008, 131009, 131026, 131031, 131042, 131047, 131048, 131049, 131050, 131051, 131053, 132000,
  132001, 132015, 132016, 133010,
] as const;
export type RefusedProviderCode = (typeof REFUSED_PROVIDER_CODES)[number];

export const isRefusedProviderCode = (code: number | null | undefined): code is RefusedProviderCode =>
  (REFUSED_PROVIDER_CODES as readonly number[]).includes(code ?? -1);
