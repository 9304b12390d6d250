/** Before the import job's worker starts: the package paths resolved by the path policy, the staged drops checked. */
import type { ChannelParsed } from '../../../shared/ipc/contract';
import { refused } from '../../../shared/domain/result';
import type { AppContext } from '../context';
import { requireDatacenter } from '../session';
import { stagedPath } from './paths';

type ImportInput = Extract<ChannelParsed<'jobs.start'>, { kind: 'datacenterImport' }>['input'];

/** The import's input with every path resolved (refused outside what the transport allows) and every staged file present. */
export async function prepareDatacenterImport(ctx: AppContext, input: ImportInput): Promise<ImportInput> {
  const dc = requireDatacenter(ctx);
  if (input.paths.length === 0 && input.staged.length === 0) {
    throw refused('ยังไม่ได้เลือกชุดข้อมูลที่จะนำเข้า', 'No packages were chosen to import', 'paths');
  }
  for (const { id } of input.staged) {
    if (!(await ctx.fs.exists(stagedPath(dc.filesDir, id)))) throw refused('ไม่พบไฟล์ที่ลากมาวาง กรุณาลากมาวางอีกครั้ง', 'A dropped file is no longer there; drop it again', 'staged');
  }
  return { ...input, paths: input.paths.map((p) => ctx.paths.resolve(p)) };
}
