import en from './locales/en.json';
import { i18n } from './index';

/** A failed command as the store keeps it: the code picks the translated sentence, the message is the detail. */
export type Failure = { code: string; message: string };

type KnownCode = keyof (typeof en)['errors'];
const isKnown = (code: string): code is KnownCode => Object.hasOwn(en.errors, code);

/**
 * What a failure says to a person: the translated sentence for its code (the host and the server answer with
 * the shared error codes), or a general one for a code this version does not know.
 */
export const failureText = (failure: Failure): string =>
  i18n.t(`errors:${isKnown(failure.code) ? failure.code : 'unknown'}`);
