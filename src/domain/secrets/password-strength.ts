import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

// NIST SP 800-63B §3.1.1.2: passwords are checked against values known to be commonly used, expected or
// compromised (dictionary words, repetitive or sequential characters, context-specific words such as the
// service or the person's name). zxcvbn-ts does it offline with its frequency lists of breached and common
// passwords; a score under 3 ("safely unguessable: moderate protection from offline attack") is refused.

let factory: ZxcvbnFactory | null = null;
const zxcvbn = () => {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
};

export const MIN_SCORE = 3;

/** Null when acceptable, else a message saying why and what to do. */
export function passwordWeakness(password: string, context: string[] = []): string | null {
  const r = zxcvbn().check(password.slice(0, 128), ['closeloop', ...context.filter(Boolean)]);
  if (r.score >= MIN_SCORE) return null;
  const why = r.feedback.warning ? `${r.feedback.warning.replace(/\.$/, '')}. ` : '';
  const tip = r.feedback.suggestions[0] ?? 'Use a longer passphrase of several unrelated words.';
  return `this password is too easy to guess. ${why}${tip}`;
}
