import type { ArticleState } from '../core/records/article-state';
import { findPublisherRule } from '../core/publishers';
import { siteHost } from '../core/url';
import { createWriteQueue } from './write-queue';

/** Sites remembered, newest first: far more news sites than anyone reads. */
export const MAX_RULED_SITES = 500;

export interface RuledSitesItem {
  getValue(): Promise<string[]>;
  setValue(value: string[]): Promise<void>;
}

/** Keeps the article script registered for `sites` (see platform/article-script.ts). */
export type RegisterSites = (sites: readonly string[]) => Promise<void>;

/**
 * Sites that state a reuse rule (in a notice or licence) or that the user gave one, once
 * Linkback has seen them: the article script is registered to load with their pages from
 * then on, as it does on the built-in publishers'. On a site seen for the first time it
 * comes when the user begins a selection, a moment before the copy; on the next visit it is
 * already there, and the articles read there join the republication index without a copy.
 */
export function createRuledSites(item: RuledSitesItem, register: RegisterSites) {
  const enqueue = createWriteQueue();
  return {
    /** Remembers the page's site when a rule from the site or the user is in force there. */
    noteState(state: ArticleState): Promise<void> {
      const rule = state.rule?.inForce;
      const site = state.rule?.host;
      if (!rule || !site || rule.source === 'built-in' || findPublisherRule(state.url)) {
        return Promise.resolve();
      }
      return enqueue(async () => {
        const sites = await item.getValue();
        if (sites[0] === site) return;
        const next = [site, ...sites.filter((known) => known !== site)].slice(0, MAX_RULED_SITES);
        await item.setValue(next);
        if (!sites.includes(site)) await register(next);
      });
    },
    /** Registers what is remembered again: at start-up, in case the browser forgot. */
    async restore(): Promise<void> {
      const sites = await item.getValue();
      if (sites.length) await register(sites);
    },
  };
}

/** Match patterns for a site: its bare host and its www. form, over http and https. */
export function sitePatterns(sites: readonly string[]): string[] {
  return sites.flatMap((site) => {
    const host = siteHost(site);
    return [`*://${host}/*`, `*://www.${host}/*`];
  });
}
