import { describe, expect, it } from 'vitest';
import { hasAtLeastWords } from '../../../../utils/core/text/words';

/** How many words hasAtLeastWords finds: the most it says yes to. */
function wordCount(text: string): number {
  let count = 0;
  while (hasAtLeastWords(text, count + 1)) count++;
  return count;
}

describe('hasAtLeastWords', () => {
  it('counts words in Latin, Cyrillic and Azerbaijani text', () => {
    expect(wordCount('Trump sends team')).toBe(3);
    expect(wordCount('Трамп отправляет команду в Москву')).toBe(5);
    expect(wordCount('Saytdakı materialların istifadəsi')).toBe(3);
    expect(wordCount('son-in-law, Witkoff’s 5 hours')).toBe(4);
    expect(wordCount('  — , . ')).toBe(0);
  });

  it('says yes to any minimum of zero or less, even for no text', () => {
    expect(hasAtLeastWords('', 0)).toBe(true);
    expect(hasAtLeastWords('', -1)).toBe(true);
    expect(hasAtLeastWords('', 1)).toBe(false);
  });
});
