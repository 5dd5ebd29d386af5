import { Inject, Injectable } from '@nestjs/common';
import { SearchSourceRepository } from 'src/modules/search/search-source.repository';
import { SEARCH_INDEX, type SearchIndex, type SearchKind } from 'src/modules/search/search.types';

export const SEARCH_KINDS: SearchKind[] = ['vacancies', 'migrants'];

/** Rebuilds an index from the database while search keeps answering (see SearchIndex.rebuild). */
@Injectable()
export class ReindexService {
  constructor(
    private readonly source: SearchSourceRepository,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
  ) {}

  async reindex(
    kind: SearchKind,
    progress: (done: number, total: number) => void = () => undefined,
    batchSize = 1000,
  ): Promise<number> {
    const total =
      kind === 'vacancies'
        ? await this.source.countPublishedVacancies()
        : await this.source.countActiveMigrants();
    const batches =
      kind === 'vacancies'
        ? this.source.publishedVacancies(batchSize)
        : this.source.activeMigrants(batchSize);
    let done = 0;
    progress(0, total);
    await this.index.rebuild(kind, batches, (n) => {
      done += n;
      progress(done, Math.max(total, done));
    });
    return done;
  }
}

/** A one-line progress bar for a terminal (stderr), e.g. `vacancies [#####.....] 50% 500/1000 3.2s`. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const ratio = total ? done / total : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total} ${((now - started) / 1000).toFixed(1)}s`;
    stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
    if (done >= total && stream.isTTY) stream.write('\n');
  };
}
