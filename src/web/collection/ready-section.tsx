import type { Lang } from '../../kernel/text.ts';
import type { CollectionStanding, ReadyOptions } from '../../modules/collection/index.ts';
import { Button, type FieldError, InsetText } from '../common/components.tsx';
import { DateInput, Select, TextInput } from '../common/inputs.tsx';
import type { DateParts } from '../common/form-values.ts';
import { formatDay, formatInstant } from '../common/dates.ts';
import type { PageContext } from '../common/layout.tsx';
import { PATHS } from '../common/paths.ts';
import { MAX_REASON } from '../../modules/collection/index.ts';

/** The office case page's part about collection at a centre: where it stands, the form to mark it ready, the cancel button. */
export interface ReadySectionView {
  readonly options: ReadyOptions;
  readonly standing: CollectionStanding | null;
  readonly csrf: string;
  readonly caseId: string;
  readonly errors: readonly FieldError[];
  /** What was typed into the form that failed: `centre` and the parts of `collectBy`. */
  readonly centre: string;
  readonly collectBy: DateParts;
}

const dayOf = (at: Date, lang: Lang) => formatInstant(at, lang);

export function ReadySection({ ctx, view }: { ctx: PageContext; view: ReadySectionView }) {
  const { t, lang } = ctx;
  const { options, standing } = view;
  const errorOf = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const current = options.current;
  return (
    <section aria-labelledby="collection-title" class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m" id="collection-title">{t('collection.section.title')}</h2>
      {errorOf('collection') === undefined ? null : <p class="govuk-error-message" id="filter-collection">{errorOf('collection')}</p>}
      {standing?.kind === 'collected' ? <p class="govuk-body">{t('collection.section.collected', { on: dayOf(standing.on, lang), centre: standing.centre[lang] })}</p> : null}
      {standing?.kind === 'ready' && current !== null ? (
        <>
          <InsetText>
            <p class="govuk-body">{t('collection.section.ready', { centre: standing.centre[lang], since: dayOf(standing.since, lang) })}</p>
            {standing.collectBy === null ? null : <p class="govuk-body">{t('collection.section.collectBy', { day: formatDay(standing.collectBy, lang) })}</p>}
          </InsetText>
          <form method="post" action={PATHS.collectionCancel.url(lang, { id: current.id })} novalidate>
            <input type="hidden" name="_csrf" value={view.csrf} />
            <TextInput t={t} name="reason" label={t('collection.cancelReason')} maxLength={MAX_REASON} />
            <Button kind="warning">{t('collection.cancel')}</Button>
          </form>
        </>
      ) : null}
      {standing === null && !options.granted ? <p class="govuk-body">{t('collection.section.notGranted')}</p> : null}
      {standing === null && options.granted && options.centres.length === 0 ? <p class="govuk-body">{t('collection.section.noCentres')}</p> : null}
      {standing === null && options.granted && options.centres.length > 0 ? (
        <form method="post" action={PATHS.officeCollectionReady.url(lang, { id: view.caseId })} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <Select t={t} name="centre" label={t('collection.centre')} choose={t('collection.centre.choose')} value={view.centre}
            options={options.centres.map((c) => ({ value: c.id, label: c.name[lang] }))} error={errorOf('centre')} fullWidth />
          <DateInput t={t} name="collectBy" legend={t('collection.collectBy')} hint={t('collection.collectByHint')} value={view.collectBy} error={errorOf('collectBy')} />
          <Button>{t('collection.markReady')}</Button>
        </form>
      ) : null}
    </section>
  );
}
