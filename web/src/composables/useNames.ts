// Display names for ids and codes in lists (organization 12 -> 锦州市国资委), fetched once per
// page load and shared by every page. Records the caller may not see show as "#id".
import { reactive } from 'vue';
import { useI18n } from 'vue-i18n';
import { getInstitution } from '@/api/institutions';
import { getOrganization } from '@/api/organizations';
import { getIndustry, getMajor, getRegion } from '@/api/reference';
import { getUnit } from '@/api/units';

interface Named {
  name: string;
  name_en?: string;
}

type Kind = 'organization' | 'unit' | 'institution' | 'region' | 'major' | 'industry';

const cache = reactive(new Map<string, Named | null>());
const pending = new Set<string>();

const fetchers: Record<Kind, (key: string) => Promise<Named>> = {
  organization: (id) => getOrganization(Number(id)),
  unit: (id) => getUnit(Number(id)),
  institution: (id) => getInstitution(Number(id)),
  region: async (code) => {
    const r = await getRegion(code);
    const parts = [r.province?.name, r.city?.name, r.name].filter(
      (p, i, all): p is string => !!p && all.indexOf(p) === i,
    );
    return { name: parts.join(' ') };
  },
  major: async (code) => ({ name: (await getMajor(code)).name ?? code }),
  industry: async (code) => ({ name: (await getIndustry(code)).name ?? code }),
};

function ensure(kind: Kind, key: string): void {
  const id = `${kind}:${key}`;
  if (cache.has(id) || pending.has(id)) return;
  pending.add(id);
  fetchers[kind](key)
    .then((named) => cache.set(id, { name: named.name, name_en: named.name_en }))
    .catch(() => cache.set(id, null))
    .finally(() => pending.delete(id));
}

/** Fills the cache from a list already fetched (e.g. every unit of an institution). */
export function rememberNames(
  kind: Kind,
  records: readonly (Named & { id?: number; code?: string })[],
): void {
  for (const r of records) {
    const key = r.id ?? r.code;
    if (key !== undefined) cache.set(`${kind}:${key}`, { name: r.name, name_en: r.name_en });
  }
}

export function useNames() {
  const { locale } = useI18n();

  /** name_en in English when there is one, else the (Chinese) name. */
  function localName(named: Named): string {
    return locale.value === 'en' && named.name_en ? named.name_en : named.name;
  }

  function lookup(kind: Kind, key: number | string | null | undefined, fallback?: string): string {
    if (key === null || key === undefined || key === '') return '—';
    const k = String(key);
    ensure(kind, k);
    const named = cache.get(`${kind}:${k}`);
    if (named) return localName(named);
    return fallback ?? (typeof key === 'number' ? `#${k}` : k);
  }

  return {
    localName,
    organization: (id: number | null | undefined) => lookup('organization', id),
    unit: (id: number | null | undefined, fallback?: string) => lookup('unit', id, fallback),
    institution: (id: number | null | undefined) => lookup('institution', id),
    region: (code: string | null | undefined) => lookup('region', code),
    major: (code: string | null | undefined) => lookup('major', code),
    industry: (code: string | null | undefined) => lookup('industry', code),
  };
}
