import type { AppealEventRecord, AppealRecord } from '../../modules/appeals/index.ts';
import { SummaryList, type SummaryRow, Tag } from '../common/components.tsx';
import { formatDay, formatInstant } from '../common/dates.ts';
import type { PageContext } from '../common/layout.tsx';
import { Timeline } from '../common/moj.tsx';
import type { TextKey, Translator } from '../locales/messages.ts';

export const kindText = (t: Translator, kind: AppealRecord['kind']): string => t(`appeals.kind.${kind}` as TextKey);
export const channelText = (t: Translator, channel: string): string => t(`appeals.channel.${channel}` as TextKey);

export function StateTag({ t, appeal }: { t: Translator; appeal: Pick<AppealRecord, 'state'> }) {
  return <Tag colour={appeal.state === 'answered' ? 'green' : 'blue'}>{t(`appeals.state.${appeal.state}` as TextKey)}</Tag>;
}

/** Text as paragraphs (blank lines between them). */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  return <div lang={lang}>{text.split(/\n{2,}/u).map((p, i) => <p key={i} class="govuk-body app-break-anywhere">{p}</p>)}</div>;
}

/** The facts of an appeal, as both sides see them. */
export function AppealSummary({ ctx, appeal, agencyName, extra = [] }: { ctx: PageContext; appeal: AppealRecord; agencyName: string | null; extra?: readonly SummaryRow[] }) {
  const { t, lang } = ctx;
  const rows: SummaryRow[] = [
    { key: t('appeals.kind'), value: kindText(t, appeal.kind) },
    { key: t('appeals.state'), value: <StateTag t={t} appeal={appeal} /> },
    { key: t('appeals.agency'), value: agencyName ?? t('appeals.triage') },
    { key: t('appeals.channel'), value: channelText(t, appeal.channel) },
    { key: t('appeals.filed'), value: formatInstant(appeal.filedAt, lang) },
    { key: t('appeals.due'), value: appeal.extendedOn === null ? formatDay(appeal.dueOn, lang) : `${formatDay(appeal.dueOn, lang)} (${t('appeals.extendedBecause', { reason: appeal.extensionReason ?? '' })})` },
    ...(appeal.namedCaseNumber === null ? [] : [{ key: t('appeals.namedCase'), value: appeal.namedCaseNumber }]),
    ...(appeal.namedOfficer === null ? [] : [{ key: t('appeals.namedOfficer'), value: appeal.namedOfficer }]),
    ...extra,
  ];
  return <SummaryList t={t} rows={rows} />;
}

export function AppealHistory({ ctx, events, agencyName }: { ctx: PageContext; events: readonly AppealEventRecord[]; agencyName: (id: string) => string }) {
  const { t, lang } = ctx;
  const title = (e: AppealEventRecord) => (e.event === 'assign' ? t('appeals.event.assign', { agency: agencyName(e.detail ?? '') }) : t(`appeals.event.${e.event}` as TextKey));
  return (
    <>
      <h2 class="govuk-heading-m">{t('appeals.history')}</h2>
      <Timeline headingLevel={3} items={[...events].reverse().map((e) => ({
        title: title(e),
        byline: t('appeals.by', { name: e.actorName ?? e.actorRole, channel: channelText(t, e.channel) }),
        datetime: e.at.toISOString(), when: formatInstant(e.at, lang),
        children: e.event === 'extend' && e.detail !== null ? <p class="govuk-body app-break-anywhere">{e.detail}</p> : undefined,
      }))} />
    </>
  );
}
