import type { ContactDetails, SignedIn } from '../../modules/identity/index.ts';
import { NOTICE_CHANNELS } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { Button, Checkboxes, ErrorSummary, type FieldError, NotificationBanner, Radios, Tag, TextInput, Textarea } from '../common/components.tsx';
import { Layout, type PageContext } from '../common/layout.tsx';

export interface ContactsView {
  readonly signedIn: SignedIn;
  readonly details: ContactDetails;
  readonly errors: readonly FieldError[];
  readonly notice: string | null;
  /** The channels whose code was sent and is still waiting to be entered. */
  readonly awaiting: ReadonlyArray<'email' | 'sms'>;
  readonly values: Readonly<Record<string, string>>;
}

export function ContactsPage({ ctx, view }: { ctx: PageContext; view: ContactsView }) {
  const { t, lang } = ctx;
  const { details } = view;
  const csrf = view.signedIn.session.csrfToken;
  const error = (f: string) => view.errors.find((e) => e.field === f)?.message;
  const Address = ({ name, label, value, hint, verified, channel, type }: { name: string; label: string; value: string; hint?: string; verified: boolean | null; channel: 'email' | 'sms'; type: 'email' | 'tel' }) => (
    <form method="post" action={paths.contactCode(lang)} class="govuk-!-margin-bottom-6" novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="channel" value={channel} />
      <TextInput t={t} name={name} postAs="address" size="m" hint={hint} error={error(name)} value={value} type={type} width={type === 'tel' ? 20 : undefined}
        autoComplete={type} spellcheck={false}
        label={<>{label}{verified === null ? null : <> <Tag colour={verified ? 'green' : 'grey'}>{verified ? t('contacts.verified') : t('contacts.unverified')}</Tag></>}</>} />
      <Button kind="secondary">{t('contacts.sendCode')}</Button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={`${view.errors.length > 0 ? `${t('error.prefix')} ` : ''}${t('contacts.title')}`} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary ctx={ctx} errors={view.errors} />
          {view.notice ? <NotificationBanner t={t} kind="success" heading={view.notice} /> : null}
          <h1 class="govuk-heading-l">{t('contacts.title')}</h1>
          <p class="govuk-body-l">{t('contacts.lead')}</p>
          <Address name="email" label={t('contacts.email')} value={view.values['email'] ?? details.email ?? ''} verified={details.email ? details.emailVerified : null} channel="email" type="email" />
          <Address name="phone" label={t('contacts.phone')} hint={t('contacts.phoneHint')} value={view.values['phone'] ?? details.phone ?? ''} verified={details.phone ? details.phoneVerified : null} channel="sms" type="tel" />
          {view.awaiting.map((channel) => (
            <form method="post" action={paths.contactConfirm(lang)} class="govuk-!-margin-bottom-6" novalidate key={channel}>
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="channel" value={channel} />
              <TextInput t={t} name={`code-${channel}`} postAs="code" size="s" label={t('contacts.codeFor', { address: (channel === 'email' ? details.email : details.phone) ?? '' })}
                hint={t('contacts.codeHint')} error={error(`code-${channel}`)} width={5} inputMode="numeric" autoComplete="one-time-code" maxLength={6} spellcheck={false} />
              <Button>{t('contacts.confirm')}</Button>
            </form>
          ))}
          <h2 class="govuk-heading-m">{t('contacts.preferences')}</h2>
          <form method="post" action={paths.contacts(lang)} novalidate>
            <input type="hidden" name="_csrf" value={csrf} />
            <Radios t={t} name="language" legend={t('contacts.language')} value={details.language} inline
              options={(['uk', 'en'] as const).map((l) => ({ value: l, label: l === 'uk' ? 'Українська' : 'English', lang: l }))} />
            <Checkboxes t={t} name="noticeChannels" legend={t('contacts.channels')} error={error('noticeChannels')} values={details.noticeChannels}
              options={NOTICE_CHANNELS.filter((c) => c !== 'portal').map((c) => ({ value: c, label: t(`notice.${c}`) }))} />
            <Textarea t={t} name="postalAddress" size="s" label={t('contacts.postal')} hint={t('contacts.postalHint')} rows={3} maxLength={300} value={details.postalAddress ?? ''}
              autoComplete="street-address" />
            <Button>{t('contacts.save')}</Button>
          </form>
        </div>
      </div>
    </Layout>
  );
}
