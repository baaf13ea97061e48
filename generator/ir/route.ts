/**
 * Path keys as real catalogue documents write them. Swagger 2.0 §Paths Object says a key is a
 * relative path starting with `/`; AWS-style query APIs put the query there too
 * (`/?Action=GetDownloadUrlForLayer`), others a fragment (`/#CreateTopic`) to tell operations on
 * one URL apart, or Ruby-style placeholders (`/comments/#{id}.json`). The wire request must be
 * the path, then the key's query as constant parameters; a fragment is never sent.
 */
export interface Route {
  path: string;
  constantQuery: Array<{ name: string; value: string }>;
}

export function parseRouteKey(key: string): Route {
  // `#{name}` is a placeholder, not a fragment.
  const normalised = key.replace(/#\{/g, '{');
  const hashAt = normalised.indexOf('#');
  const withoutFragment = hashAt >= 0 ? normalised.slice(0, hashAt) : normalised;
  const queryAt = withoutFragment.indexOf('?');
  const path = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
  const constantQuery: Route['constantQuery'] = [];
  if (queryAt >= 0) {
    for (const pair of withoutFragment.slice(queryAt + 1).split('&')) {
      if (pair.length === 0) continue;
      const equalsAt = pair.indexOf('=');
      const name = equalsAt >= 0 ? pair.slice(0, equalsAt) : pair;
      const value = equalsAt >= 0 ? pair.slice(equalsAt + 1) : '';
      constantQuery.push({ name: safeDecode(name), value: safeDecode(value) });
    }
  }
  return { path: path.length > 0 ? path : '/', constantQuery };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Names of `{param}` placeholders in a path template, in order. */
export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}
