export interface Settings {
  /** Add the link to the clipboard when copying from an article. */
  attributeOnCopy: boolean;
  /** Add the link when article text is pasted elsewhere without it. */
  attributeOnPaste: boolean;
  /** Shorter selections (a name, a headline word) copy clean. */
  minWords: number;
}

export const DEFAULT_SETTINGS: Settings = {
  attributeOnCopy: true,
  attributeOnPaste: true,
  minWords: 6,
};

/** Settings as stored, with keys added by later versions filled with their defaults. */
export function withDefaultSettings(stored: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...stored };
}
