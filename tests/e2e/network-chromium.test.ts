import { defineNetworkSuite } from './network.ts';

defineNetworkSuite('chromium');
