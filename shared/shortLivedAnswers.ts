/** Bounds the memory a long-running process spends on the keys it has seen, valid or not. */
const MAX_ENTRIES = 10_000;

/**
 * Answers another service gave, kept for a few seconds per key so that a burst of requests asks
 * once. A failed answer is not remembered: the next request asks again. With 0 seconds every
 * request asks. When full, it starts afresh rather than tracking which entry is oldest.
 */
export class ShortLivedAnswers<T> {
  private readonly entries = new Map<string, { expiresAt: number; answer: Promise<T> }>();

  constructor(private readonly seconds: number) {}

  get(key: string, ask: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > now) return kept.answer;
    const answer = ask();
    if (this.seconds > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { expiresAt: now + this.seconds * 1000, answer });
      answer.catch(() => this.entries.delete(key));
    }
    return answer;
  }
}
