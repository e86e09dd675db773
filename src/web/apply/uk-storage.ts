/** Ukrainian copy of quotas, full storage, files with answers and active-content warnings; spread into uk.ts. */
export const ukStorage = {
  'applyError.quota-drafts': 'Можна мати не більше {n} незавершених заяв. Подайте або видаліть одну з них, перш ніж почати нову.',
  'applyError.quota-bytes': 'Файли ваших незавершених заяв і відповідей можуть займати не більше {mb} МБ. Видаліть файл або заяву, яка вам більше не потрібна.',
  'applyError.too-many-files': 'До однієї відповіді можна додати не більше {n} файлів.',
  'applyError.storage-full': 'Портал зараз не може зберегти дані: його сховище заповнене. Нічого не збережено. Спробуйте пізніше.',
  'storageFull.title': 'Сховище порталу заповнене',
  'cases.answerFiles': 'Файли (необов’язково)',
  'cases.answerFilesHint': 'PDF, JPEG або PNG, до {mb} МБ кожен, не більше {n} файлів.',
  'cases.answerFilesSent': 'Файли до відповіді',
  'office.requests.files': 'Файли до відповіді',
  'office.activeContent': 'Увага: цей PDF містить JavaScript або дії, що виконуються під час відкриття. Відкривайте його лише в переглядачі з вимкненим JavaScript.',
} as const;
