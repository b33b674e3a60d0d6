// The CSS width of an element, kept current as it resizes, so charts draw in screen pixels and their labels keep
// their size on a phone instead of shrinking with a scaled drawing.
import { useLayoutEffect, useRef, useState, type RefObject } from "react";

/** A ref to attach and the element's width in CSS pixels (`fallback` until it is measured). */
export function useWidth<T extends HTMLElement>(fallback = 800): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(240, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
