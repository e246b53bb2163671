import { defineStressSuite } from './stress.ts';

defineStressSuite('chromium');
defineStressSuite('firefox');
