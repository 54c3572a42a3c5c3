// The message keys: English is the source language, every other language has the same keys.
import en from './messages/en';

export type MessageKey = keyof typeof en;
/** A language's catalogue: every key of English, each an ICU MessageFormat text. */
export type Messages = Record<MessageKey, string>;

/** A key built at run time from a code the data hold (a rule, a section): known only if English has it. */
export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(en, key);
}
