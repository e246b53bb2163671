import { defineContractSuite } from './contract.ts';

defineContractSuite('chromium');
