import { defineAnyPublisherSuite } from './any-publisher.ts';

defineAnyPublisherSuite('chromium');
defineAnyPublisherSuite('firefox');
