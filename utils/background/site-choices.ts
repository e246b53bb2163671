import { withSiteChoice, type SiteChoices } from '../core/rules/site-choice';

/** The stored choices as this needs them: `siteChoicesItem` fits. */
export interface SiteChoicesItem {
  getValue(): Promise<SiteChoices>;
  setValue(value: SiteChoices): Promise<void>;
}

/**
 * Turns Linkback off on `host` ("Not on this site" in a paste notice): no copy there is
 * attributed, no paste there is changed, and its text is not repaired elsewhere. A rule the
 * user wrote for the site gives way: the user's latest word is that Linkback stays out.
 */
export async function quietSite(item: SiteChoicesItem, host: string): Promise<void> {
  await item.setValue(withSiteChoice(await item.getValue(), host, { kind: 'off' }));
}
