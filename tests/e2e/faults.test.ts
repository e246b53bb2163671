import { defineFaultSuite } from './faults.ts';

defineFaultSuite('chromium');
defineFaultSuite('firefox');
