/**
 * Member names by number. The worker numbers every name it describes, so blocking requests carry one
 * integer instead of a string; numbering happens only here, so both sides always agree.
 */
export class NameTable {
  readonly #names: string[] = [];
  readonly #ids = new Map<string, number>();

  id(name: string): number {
    let id = this.#ids.get(name);
    if (id === undefined) {
      id = this.#names.length;
      this.#names.push(name);
      this.#ids.set(name, id);
    }
    return id;
  }

  name(id: number): string {
    const name = this.#names[id];
    if (name === undefined) throw new RangeError(`unknown member name #${id}`);
    return name;
  }
}
