/** Ukrainian copy of payments in flight, search pages past the end and the site icon; spread into uk.ts. */
export const ukJourney = {
  'cases.confirmingLabel': 'Підтверджуємо оплату',
  'cases.confirmingPayment': 'Ми підтверджуємо вашу оплату. Це зазвичай триває кілька хвилин; сплачувати вдруге не потрібно. Щойно платіжний сервіс підтвердить оплату, заяву передадуть на реєстрацію, а ми надішлемо вам повідомлення.',
  'cases.paymentReceived': 'Оплату отримано. Заяву передано на реєстрацію, строк розгляду почався.',
  'caseError.payment-pending': 'Оплата за цією справою вже триває: ми чекаємо на підтвердження від платіжного сервісу. Сплачувати вдруге не потрібно.',
  'caseError.already-paid': 'Збір за цією справою вже сплачено.',
  'results.pastEnd': 'Сторінки {page} немає. {total} — на сторінках 1–{pages}.',
  'results.pastEndOne': 'Сторінки {page} немає. {total} — на одній сторінці.',
  'results.backToLast': 'До останньої сторінки результатів',
} as const;
