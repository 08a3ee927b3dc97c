import type { RequestContext } from '../shared/context.js';
import { dcatCatalog, dcatDataset, DCAT_CONTEXT } from './catalog.dcat.js';
import type { FilesService } from './files.service.js';
import type { ResourcesService } from './resources.service.js';

/** The catalog in DCAT 3 JSON-LD, as the caller may see it (anonymous: the open public data). */
export class DcatService {
  constructor(
    private readonly resources: ResourcesService,
    private readonly files: FilesService,
  ) {}

  async catalog(ctx: RequestContext, base: string, page: number, pageSize: number) {
    const found = await this.resources.search(ctx, {
      page,
      pageSize,
      status: ['published'],
      sort: 'updated',
    });
    const datasets = await Promise.all(
      found.items.map(async (r) => dcatDataset(base, r, await this.files.list(ctx, r.id))),
    );
    return dcatCatalog(base, datasets, { page, pageSize, total: found.total });
  }

  async dataset(ctx: RequestContext, base: string, id: string) {
    const r = await this.resources.get(ctx, id);
    return { '@context': DCAT_CONTEXT, ...dcatDataset(base, r, await this.files.list(ctx, id)) };
  }
}
