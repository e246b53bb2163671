/**
 * What one metadata layer (JSON-LD, OpenGraph, …) found, before cleaning: for each
 * field, the raw candidate values in the order that layer prefers them. The
 * extractor cleans candidates one by one and keeps the first that survives, so a
 * garbage value in one place never hides a good one further down.
 */
import type { MetadataField } from './types';

/** Layer names recorded in `ArticleMetadata.sources`. A site adapter adds its rule id. */
export type MetadataSource =
  | 'json-ld'
  | 'open-graph'
  | 'meta'
  | 'dublin-core'
  | 'time'
  | 'link'
  | 'byline'
  | 'html'
  | 'dom'
  | 'url';

export type LayerReadings = Partial<Record<MetadataField, unknown[]>>;

/** Appends a candidate; null/undefined are skipped so callers can pass lookups directly. */
export function addReading(readings: LayerReadings, field: MetadataField, value: unknown): void {
  if (value === undefined || value === null) return;
  const list = readings[field];
  if (list) list.push(value);
  else readings[field] = [value];
}
