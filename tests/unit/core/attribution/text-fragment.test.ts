import { describe, expect, it } from 'vitest';
import { withTextFragment } from '../../../../utils/core/attribution/text-fragment';

const URL_ = 'https://vesti.example/news/1';

describe('withTextFragment', () => {
  it('quotes a short passage whole, encoding what the syntax reserves', () => {
    expect(withTextFragment(URL_, 'Port re-opens, workers & unions agree')).toBe(
      `${URL_}#:~:text=Port%20re%2Dopens%2C%20workers%20%26%20unions%20agree`,
    );
  });

  it('names a long passage by its first and last words', () => {
    const passage =
      'The new terminal took its first passengers on Monday morning, the port said today.';
    expect(withTextFragment(URL_, passage)).toBe(
      `${URL_}#:~:text=The%20new%20terminal%20took,the%20port%20said%20today.`,
    );
  });

  it('replaces a fragment already there, and leaves what cannot carry one alone', () => {
    expect(withTextFragment(`${URL_}#comments`, 'Один два')).toBe(
      `${URL_}#:~:text=%D0%9E%D0%B4%D0%B8%D0%BD%20%D0%B4%D0%B2%D0%B0`,
    );
    expect(withTextFragment('javascript:alert(1)', 'text')).toBe('javascript:alert(1)');
    expect(withTextFragment(URL_, '   ')).toBe(URL_);
  });
});
