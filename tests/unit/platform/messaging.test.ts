import { describe, expect, it, vi } from 'vitest';
import {
  newRecordId,
  reportToBackground,
  type MessagingApi,
} from '../../../utils/platform/messaging';

const MESSAGE = { type: 'page:navigated' } as const;

function api(replies: Array<() => Promise<unknown>>): MessagingApi & { calls: number } {
  const fake = {
    calls: 0,
    runtime: {
      sendMessage: () => {
        const reply = replies[fake.calls++] ?? replies[replies.length - 1]!;
        return reply();
      },
    },
    tabs: { sendMessage: () => Promise.resolve(undefined) },
  };
  return fake;
}

describe('reportToBackground', () => {
  it('sends again when the background stopped before answering, and once it answers, stops', async () => {
    const fake = api([
      () =>
        Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      // webextension-polyfill resolves a channel that closed unanswered with undefined.
      () => Promise.resolve(undefined),
      () => Promise.resolve({ ok: true }),
    ]);
    await expect(reportToBackground(fake, MESSAGE, [0, 0, 0])).resolves.toEqual({ ok: true });
    expect(fake.calls).toBe(3);
  });

  it('gives up after its pauses, and never resends after a real error', async () => {
    const silent = api([() => Promise.resolve(undefined)]);
    await expect(reportToBackground(silent, MESSAGE, [0, 0])).rejects.toThrow(/did not answer/);
    expect(silent.calls).toBe(3);
    const refused = api([() => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))]);
    await expect(reportToBackground(refused, MESSAGE, [0, 0])).rejects.toThrow(/QUOTA/);
    expect(refused.calls).toBe(1);
  });

  it('waits between attempts', async () => {
    vi.useFakeTimers();
    try {
      const fake = api([() => Promise.resolve(undefined), () => Promise.resolve({ ok: true })]);
      const sent = reportToBackground(fake, MESSAGE, [400]);
      await vi.advanceTimersByTimeAsync(399);
      expect(fake.calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(sent).resolves.toEqual({ ok: true });
      expect(fake.calls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('newRecordId', () => {
  it('makes 128-bit ids in hex, different each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRecordId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
