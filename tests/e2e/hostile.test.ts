import { defineHostileSuite } from './hostile.ts';

defineHostileSuite('chromium');
defineHostileSuite('firefox');
