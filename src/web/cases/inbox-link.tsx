import type { PageContext } from '../common/layout.tsx';
import { paths } from '../common/paths.ts';

/** The cabinet's way to the inbox: "N unread messages" when there are some, else just "Messages". */
export function InboxLink({ ctx, unread }: { ctx: PageContext; unread: number }) {
  const { t, lang } = ctx;
  return (
    <p class="govuk-body">
      <a class={`govuk-link${unread > 0 ? ' govuk-!-font-weight-bold' : ''}`} href={paths.inbox(lang)}>
        {unread > 0 ? t.plural('inbox.cabinetLink', unread) : t('inbox.cabinetAll')}
      </a>
    </p>
  );
}
