import type { APIRoute } from 'astro';
import { langFromParam, localizePath, translator } from '../../../../lib/i18n';
import { regionalTemplateCsv } from '../../../../lib/regional-upload';
import { isWorkflowError } from '../../../../lib/workflow';
import { regionalTemplateRows } from '../../../../server/regional-upload';
import { getStore } from '../../../../server/store';

/**
 * GET /moderation/regions/template.csv?year=2012 (moderators, signed in): the regional statistics template of the
 * year: the host regions of ranked clusters that lack data, with columns, units and sources as comments.
 */
export const GET: APIRoute = async ({ params, url, locals, redirect }) => {
  const lang = langFromParam(params.lang);
  if (!lang) return new Response(null, { status: 404 });
  const user = locals.user;
  const page = localizePath('/moderation/regions', lang);
  if (!user) return redirect(`${localizePath('/login', lang)}?next=${encodeURIComponent(page)}`, 303);
  const year = Number(url.searchParams.get('year'));
  const t = translator(lang);
  try {
    const rows = await regionalTemplateRows(await getStore(), { userId: user.id, role: user.role }, year);
    const comments = [t('regions.csv.intro', { year }), t('regions.csv.population'), t('regions.csv.fdi'), t('regions.csv.trade'), t('regions.csv.companies'), t('regions.csv.rules')];
    return new Response(regionalTemplateCsv(rows, comments), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="regional-statistics-${year}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    const status = error.code === 'moderator-only' ? 403 : 404;
    return new Response(status === 403 ? t('moderation.forbidden') : `${error.message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
};
