import type { DraftView, FieldChange } from '../../modules/catalogue/index.ts';
import type { SignedIn } from '../../modules/identity/index.ts';
import { formatInstant } from '../common/dates.ts';
import { Button, ButtonGroup } from '../common/govuk.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';
import { PATHS } from '../common/paths.ts';
import { ChangesTable } from './catalogue-changes.tsx';
import { crumbs } from './catalogue-editor.pages.tsx';

/**
 * Before a draft is published: what will change on the portal (the current version against the draft,
 * field by field), a link to the preview, and the one button that publishes (GOV.UK "check your answers").
 */
export function CataloguePublishPage({ ctx, signedIn, view, changes }: { ctx: PageContext; signedIn: SignedIn; view: DraftView; changes: readonly FieldChange[] }) {
  const { t, lang } = ctx;
  const d = view.draft;
  const name = view.current.name[lang];
  const number = String(d.number);
  const title = t('catEdit.confirmTitle', { name, number: d.number });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { id: d.serviceId, name })} wide>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">{t('catEdit.confirmMeta', { author: d.authorName, at: formatInstant(d.createdAt, lang), base: d.baseVersion, next: view.current.version + 1 })}</p>
      <h2 class="govuk-heading-m">{t('catEdit.confirmChanges', { version: view.current.version })}</h2>
      <ChangesTable ctx={ctx} changes={changes} />
      <p class="govuk-body">
        <a class="govuk-link" href={PATHS.officeCataloguePreview.url(lang, { id: d.serviceId, number })}>{t('catEdit.preview')}</a>
      </p>
      <form method="post" action={PATHS.officeCataloguePublish.url(lang, { id: d.serviceId, number })}>
        <input type="hidden" name="_csrf" value={signedIn.session.csrfToken} />
        <p class="govuk-body">{t('catEdit.publishHint')}</p>
        <ButtonGroup>
          <Button>{t('catEdit.publish')}</Button>
          <a class="govuk-link" href={PATHS.officeCatalogueDraft.url(lang, { id: d.serviceId, number })}>{t('catEdit.backToDraft')}</a>
        </ButtonGroup>
      </form>
    </Layout>
  );
}
