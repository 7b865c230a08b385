/** A sleep that another part of the app can cut short ("something changed, look again"). */
export class WakeSignal {
  private controller = new AbortController();

  wake(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }
}
