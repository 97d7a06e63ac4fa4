/**
 * Answers "does this word sequence occur contiguously in the source?" in time linear in the query, after
 * building in time linear in the source: a suffix automaton over the source's word ids. Grounding checks
 * hundreds of model facts against a long résumé; `source.includes(fact)` per fact would cost
 * facts × source length.
 */
export class WordSequenceIndex {
  private readonly ids = new Map<string, number>();
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly link: number[] = [-1];
  private readonly length: number[] = [0];
  private last = 0;

  constructor(words: readonly string[]) {
    for (const word of words) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(word, id);
      }
      this.append(id);
    }
  }

  /** Whether `words` (non-empty) occur one after another somewhere in the source. */
  contains(words: readonly string[]): boolean {
    if (words.length === 0) return false;
    let state = 0;
    for (const word of words) {
      const id = this.ids.get(word);
      const target = id === undefined ? undefined : this.transitions(state).get(id);
      if (target === undefined) return false;
      state = target;
    }
    return true;
  }

  private transitions(state: number): Map<number, number> {
    const map = this.next[state];
    if (map === undefined) throw new Error(`no state ${state}`);
    return map;
  }

  private lengthOf(state: number): number {
    return this.length[state] ?? 0;
  }

  // The standard online construction (Blumer et al.): amortised O(1) states and transitions per word.
  private append(id: number): void {
    const current = this.next.length;
    this.next.push(new Map());
    this.length.push(this.lengthOf(this.last) + 1);
    this.link.push(0);
    let state = this.last;
    while (state !== -1 && !this.transitions(state).has(id)) {
      this.transitions(state).set(id, current);
      state = this.link[state] ?? -1;
    }
    if (state !== -1) {
      const target = this.transitions(state).get(id) ?? 0;
      if (this.lengthOf(state) + 1 === this.lengthOf(target)) {
        this.link[current] = target;
      } else {
        const clone = this.next.length;
        this.next.push(new Map(this.transitions(target)));
        this.length.push(this.lengthOf(state) + 1);
        this.link.push(this.link[target] ?? 0);
        while (state !== -1 && this.transitions(state).get(id) === target) {
          this.transitions(state).set(id, clone);
          state = this.link[state] ?? -1;
        }
        this.link[target] = clone;
        this.link[current] = clone;
      }
    }
    this.last = current;
  }
}
