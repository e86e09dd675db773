/**
 * `work`'s answer, or `late` when it has not answered within `ms`; the timer is cleared either way.
 * `work` is not cancelled: a caller that must not wait on it any longer moves on without it.
 */
export async function within<T, L>(work: Promise<T>, ms: number, late: L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
