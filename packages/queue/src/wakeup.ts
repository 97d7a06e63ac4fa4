/**
 * A coalescing wake-up signal: any number of `notify()` calls between two `wait()`s wake the waiter once,
 * and a notification that arrives while nobody waits is kept, so no update is lost between a row read
 * and the next wait.
 */
export class Wakeup {
  private isPending = false;
  private resolveWaiter: (() => void) | undefined;

  notify(): void {
    const resolve = this.resolveWaiter;
    if (resolve === undefined) {
      this.isPending = true;
      return;
    }
    this.resolveWaiter = undefined;
    resolve();
  }

  wait(): Promise<void> {
    if (this.isPending) {
      this.isPending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolveWaiter = resolve;
    });
  }
}
