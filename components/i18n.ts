import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

function englishMessage(key: MessageKey, substitution?: string): string {
  const message: string = english[key]?.message ?? key;
  return message.replace(/\$VALUE\$/g, substitution ?? '');
}

/**
 * The interface language's subtag ("en", "ru", "az"): the language the interface strings
 * come in (each messages.json names its own, as `uiLocale`), so dates and numbers match the
 * words around them. The browser's own language may differ: one Linkback has no strings for
 * gets English, and Chromium without its language pack says "en-US" under `--lang=ru`.
 */
export function uiLanguage(): string {
  return t('uiLocale');
}

/** The interface string for `key` in the browser's language (en, ru, az), with `$1` filled in. */
export function t(key: MessageKey, substitution?: string | number): string {
  const value = substitution === undefined ? undefined : String(substitution);
  try {
    return browser.i18n.getMessage(key, value) || englishMessage(key, value);
  } catch {
    // Outside an extension page (unit tests, a broken locale) English is the fallback.
    return englishMessage(key, value);
  }
}
