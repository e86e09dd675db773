import type { ContactDetails, SignedIn } from '../../modules/identity/index.ts';
import { NOTICE_CHANNELS } from '../../modules/identity/index.ts';
import { paths } from '../common/paths.ts';
import { ErrorSummary, type FieldError } from '../common/components.tsx';
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
  const Field = ({ name, label, value, hint, verified, channel, type }: { name: string; label: string; value: string; hint?: string; verified: boolean | null; channel: 'email' | 'sms'; type: 'email' | 'tel' }) => (
    <form method="post" action={paths.contactCode(lang)} class="contact-form" novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="channel" value={channel} />
      <div class={`field${error(name) ? ' field-error' : ''}`}>
        <label for={`filter-${name}`}>{label} {verified === null ? null : <span class={verified ? 'tag' : 'hint'}>({verified ? t('contacts.verified') : t('contacts.unverified')})</span>}</label>
        {hint ? <p class="hint" id={`${name}-hint`}>{hint}</p> : null}
        {error(name) ? <p class="error-message">{error(name)}</p> : null}
        {type === 'email'
          ? <input class="govuk-input" id={`filter-${name}`} name="address" type="email" value={value} autoComplete="email" />
          : <input class="govuk-input govuk-input--width-20" id={`filter-${name}`} name="address" type="tel" value={value} autoComplete="tel" aria-describedby={`${name}-hint`} />}
      </div>
      <button type="submit" class="secondary">{t('contacts.sendCode')}</button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={t('contacts.title')} searchBox={false} crumbs={[{ href: paths.cabinet(lang), label: t('cabinet.title') }]}>
      <ErrorSummary ctx={ctx} errors={view.errors} />
      {view.notice ? <div class="notice" role="status">{view.notice}</div> : null}
      <h1>{t('contacts.title')}</h1>
      <p class="lead">{t('contacts.lead')}</p>
      <Field name="email" label={t('contacts.email')} value={view.values['email'] ?? details.email ?? ''} verified={details.email ? details.emailVerified : null} channel="email" type="email" />
      <Field name="phone" label={t('contacts.phone')} hint={t('contacts.phoneHint')} value={view.values['phone'] ?? details.phone ?? ''} verified={details.phone ? details.phoneVerified : null} channel="sms" type="tel" />
      {view.awaiting.map((channel) => (
        <form method="post" action={paths.contactConfirm(lang)} novalidate key={channel}>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="channel" value={channel} />
          <div class={`field${error(`code-${channel}`) ? ' field-error' : ''}`}>
            <label for={`filter-code-${channel}`}>{t('contacts.codeFor', { address: (channel === 'email' ? details.email : details.phone) ?? '' })}</label>
            <p class="hint" id={`code-${channel}-hint`}>{t('contacts.codeHint')}</p>
            {error(`code-${channel}`) ? <p class="error-message">{error(`code-${channel}`)}</p> : null}
            <input class="govuk-input govuk-input--width-5" id={`filter-code-${channel}`} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} aria-describedby={`code-${channel}-hint`} />
          </div>
          <button type="submit">{t('contacts.confirm')}</button>
        </form>
      ))}
      <h2>{t('contacts.preferences')}</h2>
      <form method="post" action={paths.contacts(lang)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset class="field">
          <legend>{t('contacts.language')}</legend>
          {(['uk', 'en'] as const).map((l) => (
            <div class="radio" key={l}>
              <input type="radio" id={`language-${l}`} name="language" value={l} checked={details.language === l} />
              <label for={`language-${l}`} lang={l}>{l === 'uk' ? 'Українська' : 'English'}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class={`field${error('noticeChannels') ? ' field-error' : ''}`} id="filter-noticeChannels">
          <legend>{t('contacts.channels')}</legend>
          {error('noticeChannels') ? <p class="error-message">{error('noticeChannels')}</p> : null}
          {NOTICE_CHANNELS.filter((c) => c !== 'portal').map((c) => (
            <div class="checkbox" key={c}>
              <input type="checkbox" id={`notice-${c}`} name="noticeChannels" value={c} checked={details.noticeChannels.includes(c)} />
              <label for={`notice-${c}`}>{t(`notice.${c}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="filter-postal">{t('contacts.postal')}</label>
          <p class="hint" id="postal-hint">{t('contacts.postalHint')}</p>
          <textarea class="govuk-textarea" id="filter-postal" name="postalAddress" rows={3} maxLength={300} aria-describedby="postal-hint">{details.postalAddress ?? ''}</textarea>
        </div>
        <button type="submit">{t('contacts.save')}</button>
      </form>
    </Layout>
  );
}
