/** Waits until `condition` holds (a throw counts as not yet: the file may not exist yet), up to 10 s. */
export async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    try {
      if (condition()) return;
    } catch {
      // Not there yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not met within 10 s');
}
