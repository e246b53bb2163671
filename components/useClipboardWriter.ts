import { useState } from 'preact/hooks';
import { t } from './i18n';

export interface ClipboardContent {
  plain: string;
  html?: string;
}

/** Writes to the clipboard from a button press and reports the outcome in words, for a status line. */
export function useClipboardWriter() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  async function write(content: ClipboardContent): Promise<void> {
    try {
      if (content.html && typeof ClipboardItem !== 'undefined') {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([content.plain], { type: 'text/plain' }),
            'text/html': new Blob([content.html], { type: 'text/html' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(content.plain);
      }
      setStatus({ ok: true, text: t('copied') });
    } catch (error) {
      setStatus({ ok: false, text: t('copyFailed', (error as Error)?.message ?? String(error)) });
    }
  }
  return { status, write };
}
