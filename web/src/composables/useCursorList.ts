// A list page over a cursor-paginated endpoint ({items, next_cursor}): previous/next pages,
// loading and error state; a newer load aborts the one in flight.
import { computed, ref, shallowRef } from 'vue';
import { isAbort, type Page } from '@/api/http';
import { describeError } from './errors';

export function useCursorList<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
) {
  const items = shallowRef<T[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const page = ref(0); // 0-based index of the page shown
  const nextCursor = ref<string | null>(null);
  // cursors[i] is the cursor that fetches page i.
  let cursors: (string | undefined)[] = [undefined];
  let controller: AbortController | null = null;

  async function load(index: number): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetchPage(cursors[index], mine.signal);
      items.value = result.items;
      nextCursor.value = result.next_cursor;
      page.value = index;
      cursors = cursors.slice(0, index + 1);
      if (result.next_cursor) cursors.push(result.next_cursor);
    } catch (e) {
      if (isAbort(e)) return;
      error.value = describeError(e);
      items.value = [];
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  return {
    items,
    loading,
    error,
    page,
    hasPrev: computed(() => page.value > 0),
    hasNext: computed(() => nextCursor.value !== null),
    /** From the first page (after a filter change). */
    reload: () => {
      cursors = [undefined];
      return load(0);
    },
    next: () => (nextCursor.value ? load(page.value + 1) : Promise.resolve()),
    prev: () => (page.value > 0 ? load(page.value - 1) : Promise.resolve()),
  };
}
