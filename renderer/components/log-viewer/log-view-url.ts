import type { UrlCodec } from '../../router/url-state';
import { logLevels, type LogLevel } from './parse-log-line';

/** What a reader narrowed the log to: kept in the page's URL so a shared link shows the same lines. */
export interface LogView {
  search: string;
  minimum: LogLevel | '';
}

export const defaultLogView: LogView = { search: '', minimum: '' };

// A URL is typed by anyone: a search longer than this is not a view someone shares.
const MAX_SEARCH = 200;

/** `…?log=timeout&level=warn`; defaults are left out, and unknown levels are dropped. */
export const logViewCodec: UrlCodec<LogView> = {
  toParams(view) {
    const params = new URLSearchParams();
    if (view.search !== '') params.set('log', view.search);
    if (view.minimum !== '') params.set('level', view.minimum);
    return params;
  },
  fromParams(params) {
    const view: Partial<LogView> = {};
    const search = params.get('log');
    if (search !== null && search.length <= MAX_SEARCH) view.search = search;
    const level = params.get('level');
    const known = logLevels.find((candidate) => candidate === level);
    if (known) view.minimum = known;
    return view;
  },
};
