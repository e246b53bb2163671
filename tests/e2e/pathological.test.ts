import { definePathologicalSuite } from './pathological.ts';

definePathologicalSuite('chromium');
definePathologicalSuite('firefox');
