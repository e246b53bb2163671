import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from './format';
import { t } from './i18n';

/**
 * "Clear all" for the history page: asks first, in the page rather than in a browser
 * dialog, naming how many entries would go (all of them, whatever the filters show), and
 * says what happened. Cancel has the focus, so Enter pressed by habit deletes nothing.
 */
export function ClearAllHistory({
  count,
  onClear,
}: {
  /** Every entry the history holds. */
  count: number;
  /** Forgets the whole history; resolves when done. */
  onClear(): Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  const clear = async () => {
    setBusy(true);
    try {
      await onClear();
      setStatus({ ok: true, text: t('cleared') });
    } catch (failure) {
      setStatus({
        ok: false,
        text: t('historyClearFailed', String((failure as Error)?.message ?? failure)),
      });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <>
      <button
        type="button"
        data-action="history-clear"
        disabled={count === 0 || asking}
        onClick={() => {
          setStatus(null);
          setAsking(true);
        }}
      >
        {t('historyClearAll')}
      </button>
      {asking && (
        <div
          class="history-confirm"
          role="alertdialog"
          aria-labelledby="history-clear-question"
          data-testid="history-clear-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setAsking(false);
          }}
        >
          <p id="history-clear-question">{t('historyClearConfirm', formatNumber(count))}</p>
          <button
            type="button"
            data-action="history-clear-confirm"
            disabled={busy}
            onClick={() => void clear()}
          >
            {t('historyClearYes')}
          </button>
          <button
            type="button"
            data-action="history-clear-cancel"
            ref={cancel}
            onClick={() => setAsking(false)}
          >
            {t('historyClearCancel')}
          </button>
        </div>
      )}
      {status && (
        <p
          class={status.ok ? 'status' : 'error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid="history-clear-status"
        >
          {status.text}
        </p>
      )}
    </>
  );
}
