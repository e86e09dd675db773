import type { ProactiveItem } from '../../modules/proactive/index.ts';
import { Button, NotificationBanner, SummaryList } from '../common/components.tsx';
import { formatDay } from '../common/dates.ts';
import { Layout, type PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';

export interface ProactiveView {
  readonly item: ProactiveItem & { readonly canObject: boolean; readonly canDismiss: boolean; readonly canStart: boolean };
  readonly serviceName: string;
  readonly csrf: string;
  /** A form sent when it no longer applied (the objection window passed, the offer dismissed): said at the top. */
  readonly refused?: 'object' | 'dismiss' | 'start';
}

/** An offer or an automatic grant (ADR 0032): what, why, its state; the objection or the dismissal, each a form with its CSRF token. */
export function ProactivePage({ ctx, view }: { ctx: PageContext; view: ProactiveView }) {
  const { t, lang } = ctx;
  const { item } = view;
  const title = t(item.mode === 'offer' ? 'proactive.title.offer' : 'proactive.title.automatic');
  const rows = [
    { key: t('proactive.service'), value: <a class="govuk-link" href={paths.service(lang, item.serviceId)}>{view.serviceName}</a> },
    { key: t('proactive.event'), value: `${t(`proactive.event.${item.eventKind}`)}, ${formatDay(item.eventDay, lang)}` },
    ...(item.caseId === null ? [] : [{ key: t('proactive.case'), value: <a class="govuk-link" href={paths.myCase(lang, item.caseId)}>{item.caseNumber ?? ''}</a> }]),
    { key: t('proactive.status'), value: t(`proactive.status.${item.status}`) },
    ...(item.objectBy === null || item.status !== 'pending' ? [] : [{ key: t('proactive.objectBy'), value: formatDay(item.objectBy, lang) }]),
  ];
  return (
    <Layout ctx={ctx} title={title} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }, { href: paths.inbox(lang), label: t('inbox.title') }]}>
      <span class="govuk-caption-l">{view.serviceName}</span>
      <h1 class="govuk-heading-l">{title}</h1>
      {view.refused === undefined ? null : (
        <NotificationBanner t={t} heading={t(`proactive.refused.${view.refused}`)}>
          <p class="govuk-body">{view.refused === 'object' && item.objectBy !== null ? t('proactive.refused.objectAfter', { day: formatDay(item.objectBy, lang) }) : t(`proactive.status.${item.status}`)}</p>
        </NotificationBanner>
      )}
      <p class="govuk-body-l">{t(item.mode === 'offer' ? 'proactive.lead.offer' : 'proactive.lead.automatic')}</p>
      <SummaryList t={t} rows={rows} />
      {item.canObject ? (
        <form method="post" action={paths.proactiveObject(lang, item.id)} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <h2 class="govuk-heading-m">{t('proactive.object.heading')}</h2>
          <p class="govuk-body">{t('proactive.object.hint')}</p>
          <Button kind="warning">{t('proactive.object.button')}</Button>
        </form>
      ) : null}
      {item.canStart ? (
        <form method="post" action={paths.proactiveStart(lang, item.id)} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <Button>{t('proactive.apply')}</Button>
        </form>
      ) : null}
      {item.canDismiss ? (
        <form method="post" action={paths.proactiveDismiss(lang, item.id)} novalidate>
          <input type="hidden" name="_csrf" value={view.csrf} />
          <Button kind="secondary">{t('proactive.dismiss.button')}</Button>
        </form>
      ) : null}
      <p class="govuk-body"><a class="govuk-link" href={paths.inbox(lang)}>{t('proactive.back')}</a></p>
    </Layout>
  );
}
