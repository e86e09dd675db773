import type { Service } from '../../modules/catalogue/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError, formatTerm, feeSummary } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

/** The start page of an online application: what you will need, the fee, the term, for whom — then Start. */
export function ApplyStartPage({ ctx, service, actingName, csrf, errors = [] }: { ctx: PageContext; service: Service; actingName: string; csrf: string; errors?: readonly FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('apply.start')}: ${service.name[lang]}`} searchBox={false} crumbs={[{ href: paths.service(lang, service.id), label: service.name[lang] }]}>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{service.name[lang]}</h1>
      <p class="lead">{t('apply.startHint')}</p>
      <h2>{t('service.documents')}</h2>
      <ul>{service.evidence.map((e) => <li key={e.id}>{e.name[lang]}{e.optional === true ? ` ${t('service.optional')}` : ''}</li>)}</ul>
      <p>{feeSummary(t, service)}</p>
      <p>{t('service.deadline')}: {formatTerm(t, service.deadline)}</p>
      <form method="post" action={paths.apply(lang, service.id)}>
        <input type="hidden" name="_csrf" value={csrf} />
        <p>{t('apply.startFor', { name: actingName })}</p>
        <button type="submit" class="start" id="filter-start">{t('apply.startButton')}</button>
      </form>
    </Layout>
  );
}
