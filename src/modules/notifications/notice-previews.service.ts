import { renderLetters } from '../documents/index.ts';
import type { NotificationLinks } from './links.ts';
import { type NoticePreview, noticePreviews, SAMPLE } from './notice-previews.ts';

const SAMPLE_SENDER = { uk: 'Державна міграційна служба України (зразок)', en: 'State Migration Service of Ukraine (sample)' } as const;

/**
 * Previews of every message for staff (supervisors, agency administrators): each purpose × channel ×
 * language rendered from sample data, and a letter's PDF as the print room would get it.
 */
export function createNoticePreviews(deps: { links: NotificationLinks; afterWorkingDays: number; now: () => Date }) {
  const all = noticePreviews(deps.links, deps.afterWorkingDays);
  return {
    list: (): readonly NoticePreview[] => all,
    /** The letter's PDF of one preview (`<purpose>-<lang>`); null when there is no such letter. */
    async letterPdf(id: string): Promise<Uint8Array | null> {
      const p = all.find((x) => x.id === id);
      if (p === undefined || p.letter === null) {
        return null;
      }
      return renderLetters([{
        lang: p.lang, sender: SAMPLE_SENDER[p.lang], address: SAMPLE.address[p.lang], date: deps.now(), caseNumber: SAMPLE.caseNumber, subject: p.letter.subject, body: p.letter.text,
      }]);
    },
  };
}

export type NoticePreviews = ReturnType<typeof createNoticePreviews>;
