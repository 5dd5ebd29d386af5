import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName } from 'src/queue/queue.constants';
import { SearchSourceRepository } from 'src/modules/search/search-source.repository';
import { SEARCH_INDEX, type SearchIndex } from 'src/modules/search/search.types';

/**
 * Keeps the index in step with the database. Each job reloads the current row and applies it
 * (upsert or delete), so duplicates and reordering are harmless; the index's version guard stops an
 * older write from replacing a newer one. An index outage throws and BullMQ retries.
 */
@Injectable()
export class SearchSync implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly source: SearchSourceRepository,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
  ) {}

  onModuleInit(): void {
    this.jobs.register(JobName.SearchIndexVacancy, ({ vacancyId }) => this.syncVacancy(vacancyId));
    this.jobs.register(JobName.SearchIndexMigrant, ({ migrantId }) => this.syncMigrant(migrantId));
  }

  async syncVacancy(id: string): Promise<void> {
    const state = await this.source.vacancyState(id);
    if ('doc' in state) await this.index.upsertVacancies([state.doc]);
    else await this.index.deleteVacancy(id, state.sourceVersion);
  }

  async syncMigrant(id: string): Promise<void> {
    const state = await this.source.migrantState(id);
    if ('doc' in state) await this.index.upsertMigrants([state.doc]);
    else await this.index.deleteMigrant(id, state.sourceVersion);
  }
}
