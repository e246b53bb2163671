/**
 * How reuse notices are worded, in English, Russian (also on Kazakh sites), Azerbaijani
 * (Latin), Ukrainian and Kazakh. A sentence is a notice when it names reuse, a link and an
 * obligation together; each regex lists one of those parts for every language at once, so a
 * mixed-language footer needs no language detection. Stems, not words: the languages inflect.
 */

/** Reusing the publisher's material: "use of materials", "перепечатке", "istifadə", "передруку". */
export const REUSE = new RegExp(
  [
    // English: a bare "use" counts only with what is used ("use of materials"), so "use
    // links" in terms that permit linking does not.
    String.raw`\b(?:use|using|usage)\s+(?:of\s+)?(?:any\s+|our\s+|the\s+|this\s+|these\s+|site\s+|its\s+)*(?:materials?|content|articles?|publications?|texts?|information|news|stories|reports)\b`,
    String.raw`\b(?:reproduc|republi|reprint|redistribut|copying|quot(?:ing|ation|ed)|citing|reuse|re-use)`,
    // Russian / Kazakh-Russian
    String.raw`(?:использ\S*|распростран\S*)\s+(?:\S+\s+){0,2}?(?:материал|публикац|информац|контент|стат|новост|текст)`,
    String.raw`(?:перепечат|копирован|цитирован|воспроизвед|републикац|заимствован)`,
    // Ukrainian
    String.raw`(?:використан\S*|поширен\S*)\s+(?:\S+\s+){0,2}?(?:матеріал|публікац|інформац|контент|стат|новин|текст)`,
    String.raw`(?:передрук|копіюван|цитуван|відтворен)`,
    // "Матеріали сайту можна використовувати…": the object first.
    String.raw`(?:матеріал|материал)\S*\s+(?:\S+\s+){0,3}?(?:використ|использ)`,
    // Azerbaijani
    String.raw`(?:material|məlumat|xəbər|məqalə|yazı)\S*\s+(?:\S+\s+){0,3}?(?:istifadə|yayımla|yayı|çap|köçürül|paylaş)`,
    String.raw`(?:istifadə|yayımla|təkrar\s+çap|köçürmə|iqtibas)`,
    // Kazakh
    String.raw`(?:материалдар\S*\s+(?:\S+\s+){0,2}?пайдалан|көшіріп\s+бас|пайдаланған)`,
  ].join('|'),
  'iu',
);

/** A link or reference to the source. */
export const LINK =
  /\b(?:hyper-?links?|links?|backlinks?)\b|гиперссылк|ссылк|гіперпосилан|посилан|hiperlink|hiper-?istinad|istinad|keçid|\blink\b|гиперсілтеме|сілтеме/iu;

/** It is required, or reuse is allowed only with it. */
export const OBLIGATION = new RegExp(
  [
    String.raw`\b(?:only|required|requires|mandatory|must|obligatory|provided|condition|subject\s+to|without|necessary|compulsory|should|please)\b`,
    String.raw`обязател|только|допуска|разреша|при\s+условии|при\s+наличии|необходим|должн|без\s|возможн|разреш`,
    String.raw`обов.?язков|лише|тільки|дозволя|за\s+умови|за\s+наявності|необхідн|повинн|без\s`,
    String.raw`mütləq|yalnız|vacib|şərti|icazə|zəruri|olmalı|olmadan|tələb|(?:mə|ma)l[ıi]d[ıi]r`,
    String.raw`міндетті|тек\s|қажет|рұқсат`,
  ].join('|'),
  'iu',
);

/** Reprinting forbidden outright, with no link that would make it allowed. */
export const REPRINT_FORBIDDEN = new RegExp(
  [
    String.raw`\b(?:reproduction|reprinting|republi\w+|copying|redistribution)\b[^.]{0,80}\b(?:prohibited|forbidden|not\s+(?:allowed|permitted))`,
    String.raw`\b(?:may\s+not|must\s+not|cannot)\s+be\s+(?:reproduced|reprinted|republished|copied)`,
    String.raw`(?:перепечатк|копирован|воспроизведен|использован)\S*[^.]{0,60}запрещ`,
    String.raw`запрещ\S*\s+(?:\S+\s+){0,3}?(?:перепечат|копирова|воспроизвед)`,
    String.raw`(?:передрук|копіюван|відтворен)\S*[^.]{0,60}заборон`,
    String.raw`(?:təkrar\s+çap|çap|köçürül|istifadə)\S*[^.]{0,60}qadağan`,
    String.raw`тыйым\s+салынады`,
  ].join('|'),
  'iu',
);

/** Placement at the start: "в первом абзаце", "не ниже второго абзаца", "birinci abzasda". */
export const PLACEMENT_START =
  /first\s+(?:paragraph|sentence|line)|at\s+the\s+(?:beginning|top|start)|before\s+the\s+(?:text|material)|перв\S*\s+(?:абзац|строк|предложен)|не\s+ниже\s+\S+\s+абзац|в\s+начале|перш\S*\s+(?:абзац|рядк|речен)|не\s+нижче\s+\S+\s+абзац|на\s+початку|(?:birinci|ilk)\s+(?:abzas|cümlə|sətir)|əvvəlində|бірінші\s+абзац|басында/iu;

export const PLACEMENT_END =
  /at\s+the\s+end|after\s+the\s+(?:text|material)|в\s+конце|в\s+кінці|наприкінці|sonunda|соңында/iu;

/** The link must be active (clickable, indexable), not a mention. */
export const ACTIVE_LINK =
  /\bactive\b|\bclickable\b|\bdirect\b|\bdofollow\b|активн|кликабельн|прям\S*\s+(?:гипер)?ссылк|индексир|клікабельн|індексован|aktiv|белсенді/iu;

/**
 * The link goes to the material itself: "link to the source/article/material". Only "to":
 * "use of material" names what is reused, not where the link points.
 */
export const TO_ARTICLE =
  /\bto\s+(?:the\s+)?(?:original\s+|specific\s+|relevant\s+|particular\s+)?(?:source|article|material|publication|story|page|post)\b|на\s+(?:перво)?источник|на\s+(?:оригинал|материал|публикац|стать|конкретн|соответствующ|страниц)|на\s+(?:перво)?джерел|на\s+(?:матеріал|публікац|статт|відповідн|сторінк|оригінал)|(?:mənbəyə|məqaləyə|materiala|xəbərə|orijinala)|дереккөзге|материалға/iu;

/** The link goes to the site: "hyperlink to the website", "на сайт", "saytına". */
export const TO_SITE =
  /\b(?:web\s?site|site|homepage|portal)\b|на\s+(?:сайт|портал|главн|издани|головн|видання)|saytına|sayta\b|portala\b|сайтқа|сайтына/iu;

/** Text that is about something else: cookies, personal data. */
export const OFF_TOPIC =
  /cookie|куки|персональн\S*\s+дан|personal\s+data|privacy|конфиденциальн|конфіденційн|məxfilik|şəxsi\s+məlumat/iu;
