/**
 * Work done after a transaction has committed (emails). Its failure is logged and swallowed: the
 * payment, credit or invoice is already real, and the customer must be told it succeeded.
 */
export async function afterCommit(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`[billing] ${what} failed after commit`, error);
  }
}
