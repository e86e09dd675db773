/** Ukrainian copy of the page shown while the portal cannot reach its database; spread into uk.ts. */
export const ukUnavailable = {
  'unavailable.title': 'Портал тимчасово недоступний',
  'unavailable.text': 'Ми не можемо зараз виконати ваш запит. Ваші дані в безпеці: усе, що портал уже підтвердив, збережено.',
  'unavailable.retry': 'Спробуйте ще раз за хвилину. Якщо ви надсилали форму, надішліть її ще раз: двічі її не буде зараховано.',
};
