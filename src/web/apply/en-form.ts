import type { ukForm } from './uk-form.ts';
import type { Copy } from '../locales/copy.ts';

/** English copy of the form pages: steps, follow-up questions, dates, files, register data, check answers; spread into en.ts. */
export const enForm: Copy<typeof ukForm> = {
  'form.stepOf': 'Step {n} of {of}',
  'form.step': 'Step {n}',
  'form.followUpLead': 'You answered “{answer}” to “{question}”. So we need to know a little more.',
  'form.success': 'Success',
  'form.fileUploaded': 'Uploaded',
  'form.chooseFile': 'Choose a file to upload',
  'form.remove': 'Remove',
  'form.uploadedNamed': 'The file “{name}” has been uploaded.',
  'form.registerTitle': 'Details from the state registers',
  'form.registerNote': 'These details come from your eID and the state registers and cannot be changed here. If they are wrong, ask an administrative service centre or the body that keeps the register (the State Migration Service for your name and date of birth, the State Tax Service for your tax number) to correct them, then sign in again.',
  'form.fromRegistry': 'From the {register}, {day}',
  'registers.population': 'population register',
  'registers.business': 'business register',
  'registers.vehicles': 'vehicles register',
  'registers.property': 'property register',
  'registers.tax': 'taxpayers\' register',
  'registers.social-insurance': 'social insurance register',
  'form.fromRegister': 'From the register',
  'form.checkFiles': 'Files',
  'form.savedNote': {
    one: 'Your answers are saved on the portal: you can continue from any device. An unfinished application is deleted {count} day after its last change.',
    other: 'Your answers are saved on the portal: you can continue from any device. An unfinished application is deleted {count} days after its last change.',
  },
  'form.term': 'Statutory term: {term} from the day of submission (for paid services, from the day of payment).',
  'form.minLength': { one: '“{label}”: at least {count} character', other: '“{label}”: at least {count} characters' },
  'form.maxLength': { one: '“{label}”: at most {count} character', other: '“{label}”: at most {count} characters' },
  'form.quotaDrafts': {
    one: 'You can keep at most {count} application in progress. Submit or delete it before starting another.',
    other: 'You can keep at most {count} applications in progress. Submit or delete one before starting another.',
  },
  'form.date': '“{label}”: enter a real date — day, month and year, for example 27 3 2007',
};
