import { defineContractSuite } from './contract.ts';

defineContractSuite('firefox');
