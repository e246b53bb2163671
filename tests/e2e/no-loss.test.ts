import { defineNoLossSuite } from './no-loss.ts';

defineNoLossSuite('chromium');
defineNoLossSuite('firefox');
