import { onBeforeUnmount, ref } from 'vue';

/** True on a phone-sized screen (at most 768 px wide). */
export function useNarrow() {
  const query = window.matchMedia('(max-width: 768px)');
  const narrow = ref(query.matches);
  const update = (e: MediaQueryListEvent) => {
    narrow.value = e.matches;
  };
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return narrow;
}
