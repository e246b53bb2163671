import { useState } from 'preact/hooks';
import type { AttributionSource } from '../utils/core/attribution/format';
import {
  checkTemplate,
  DEFAULT_TEMPLATE,
  DEFAULT_TEMPLATE_TEXT,
  plainTemplateLine,
  renderTemplate,
  templateValues,
  type AttributionTemplate,
  type TemplatePart,
  type TemplateProblem,
} from '../utils/core/attribution/template';
import { t, uiLanguage } from './i18n';

type Flavour = keyof AttributionTemplate;

/** The problem in the interface language, as the user reads it under the field. */
function problemText(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'no-url':
      return t('templateNoUrl');
    case 'unknown':
      return t('templateUnknown', problem.name);
    case 'unbalanced':
      return t(problem.brace === '{' ? 'templateUnclosed' : 'templateUnopened', problem.at);
    case 'too-long':
      return t('templateTooLong', problem.length);
  }
}

/** A made-up article in the interface language, every field given, for the preview. */
function sampleArticle(): AttributionSource {
  return {
    url: 'https://example.com/news/2025/harbour-reopens',
    title: t('templateSampleTitle'),
    siteName: t('templateSampleSite'),
    authors: [t('templateSampleAuthor')],
    publishedAt: '2025-04-01',
    language: uiLanguage(),
  };
}

/** The line as the rich-text flavour shows it: text, and real links built as elements. */
function RichLine({ parts }: { parts: readonly TemplatePart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        'link' in part ? (
          <a key={index} href={part.link} target="_blank" rel="noreferrer">
            {part.link}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * The attribution templates, plain and rich, with a preview of both on a sample article. A
 * template is saved as soon as it is valid (an empty field is the default line); an invalid
 * one is not saved, and the problem is said under its field.
 */
export function TemplateEditor({
  template,
  onSave,
}: {
  /** As saved: the preview shows what the next copy will carry. */
  template: AttributionTemplate;
  onSave(next: AttributionTemplate): void;
}) {
  const [texts, setTexts] = useState<Record<Flavour, string>>({
    plain: template.plain ?? '',
    html: template.html ?? '',
  });
  const [problems, setProblems] = useState<Record<Flavour, TemplateProblem | null>>({
    plain: null,
    html: null,
  });

  const edit = (flavour: Flavour, text: string) => {
    setTexts((current) => ({ ...current, [flavour]: text }));
    const problem = text.trim() ? checkTemplate(text) : null;
    setProblems((current) => ({ ...current, [flavour]: problem }));
    if (!problem) onSave({ ...template, [flavour]: text.trim() ? text : null });
  };

  const reset = () => {
    setTexts({ plain: '', html: '' });
    setProblems({ plain: null, html: null });
    onSave(DEFAULT_TEMPLATE);
  };

  const values = templateValues(sampleArticle(), new Date());
  const preview = (flavour: Flavour) =>
    renderTemplate(template[flavour] ?? DEFAULT_TEMPLATE_TEXT, values);

  const field = (flavour: Flavour, name: string, label: string) => {
    const id = `template-${flavour}`;
    const problem = problems[flavour];
    return (
      <div class="template-field">
        <label for={id}>{label}</label>
        <textarea
          id={id}
          name={name}
          rows={2}
          value={texts[flavour]}
          placeholder={DEFAULT_TEMPLATE_TEXT}
          spellcheck={false}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={`template-hint ${id}-problem`}
          onInput={(event) => edit(flavour, event.currentTarget.value)}
        />
        <p id={`${id}-problem`} role="alert" class="error" data-testid={`${id}-problem`}>
          {problem ? t('templateNotSaved', problemText(problem)) : ''}
        </p>
      </div>
    );
  };

  return (
    <fieldset class="template">
      <legend>{t('templateTitle')}</legend>
      <p class="hint" id="template-hint">
        {t('templateHint')}
      </p>
      {field('plain', 'templatePlain', t('templatePlain'))}
      {field('html', 'templateHtml', t('templateHtml'))}
      <button type="button" data-action="template-reset" onClick={reset}>
        {t('templateReset')}
      </button>
      <section class="template-preview" aria-label={t('templatePreview')}>
        <h2>{t('templatePreview')}</h2>
        <p>
          <span class="hint">{t('templatePreviewPlain')}</span>
          <br />
          <span data-testid="preview-plain">{plainTemplateLine(preview('plain'))}</span>
        </p>
        <p>
          <span class="hint">{t('templatePreviewHtml')}</span>
          <br />
          <span data-testid="preview-html">
            <RichLine parts={preview('html')} />
          </span>
        </p>
      </section>
    </fieldset>
  );
}
