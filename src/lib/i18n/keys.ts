// The message keys: English is the source language, every other language has the same keys.
import type en from './messages/en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
