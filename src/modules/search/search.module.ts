import {
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { HealthRegistry } from 'src/modules/health/health.registry';
import { PostgresSearchIndex } from 'src/modules/search/postgres-search.index';
import { ReindexService } from 'src/modules/search/reindex.service';
import { SearchSourceRepository } from 'src/modules/search/search-source.repository';
import { SearchService } from 'src/modules/search/search.service';
import { SearchSync } from 'src/modules/search/search.sync';
import { SEARCH_INDEX, type SearchIndex } from 'src/modules/search/search.types';

@Module({
  providers: [
    {
      provide: SEARCH_INDEX,
      inject: [APP_CONFIG, DataSource],
      useFactory: async (config: AppConfig, db: DataSource): Promise<SearchIndex> => {
        if (config.searchDriver !== 'meilisearch') return new PostgresSearchIndex(db);
        // The client is loaded only when this driver is chosen.
        const { MeiliSearchIndex } = await import('src/modules/search/meili-search.index');
        return new MeiliSearchIndex({ url: config.meiliUrl!, apiKey: config.meiliKey });
      },
    },
    SearchSourceRepository,
    SearchService,
    SearchSync,
    ReindexService,
  ],
  exports: [SEARCH_INDEX, SearchService, SearchSourceRepository, ReindexService],
})
export class SearchModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchModule.name);

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    // Settings are applied by code at start; an index that is down must not stop the service
    // (sync jobs retry, search answers an error until it is back).
    try {
      await this.index.init();
    } catch (error) {
      this.logger.warn(`search index ${this.index.driver} not initialised: ${(error as Error).message}`);
    }
  }

  onApplicationBootstrap(): void {
    // After every module's init, so this replaces the health module's placeholder.
    this.health.register({ name: 'search', critical: false, check: () => this.index.health() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.index.close();
  }
}
