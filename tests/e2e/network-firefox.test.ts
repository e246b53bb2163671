import { defineNetworkSuite } from './network.ts';

defineNetworkSuite('firefox');
