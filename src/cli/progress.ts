/**
 * A progress line for long runs on a terminal (files done / total, files per second, time left), written to stderr
 * and only when stderr is a terminal (the caller decides); redrawn at most every 100 ms.
 */
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
    private readonly width = 24,
  ) {}

  /** `done` files are finished */
  tick(done: number): void {
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const left = rate > 0 ? (this.total - done) / rate : 0;
    const filled = Math.round((done / this.total) * this.width);
    const bar = '█'.repeat(filled) + '░'.repeat(this.width - filled);
    const eta = rate > 0 && done > 0 ? `，约剩 ${formatSeconds(left)}` : '';
    this.write(`\r\x1b[K正在检查 ${bar} ${done}/${this.total}（${rate.toFixed(rate < 10 ? 1 : 0)} 个/秒${eta}）`);
  }

  done(): void {
    this.write('\r\x1b[K');
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} 秒`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} 分 ${Math.ceil(s % 60)} 秒` : `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}
