// The package's exports hide its stylesheet; vite.config.ts aliases it.
import 'frappe-gantt-stylesheet';

import Gantt, { type GanttTask } from 'frappe-gantt';
import { useEffect, useRef } from 'react';

import styles from './timeline.module.css';

export interface TimelineEntry {
  id: string;
  name: string;
  date: string;
  /** One of conflict, suggested, held, deadline, regulatory, superseded, or none (the chart takes one class). */
  tone: string | undefined;
  movable: boolean;
}

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
/** frappe-gantt hands back local Dates. */
const localDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The schedule on one axis (frappe-gantt, ~16 KB gzipped, loaded with this page only). Dragging an audit asks for
 * its what-if; nothing moves until the person confirms. The table beside it carries the same information for
 * keyboards and screen readers, so the chart itself is hidden from them.
 */
export function Timeline({
  entries,
  onMove,
}: {
  entries: TimelineEntry[];
  onMove: (itemId: string, date: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const moveRef = useRef(onMove);
  moveRef.current = onMove;

  useEffect(() => {
    const element = container.current;
    if (!element || entries.length === 0) return;
    element.replaceChildren();
    const movable = new Map(entries.map((e) => [e.id, e]));
    const tasks: GanttTask[] = entries.map((e) => ({
      id: e.id,
      name: e.name,
      start: e.date,
      end: nextDay(e.date),
      progress: 0,
      ...(e.tone && { custom_class: `cf-${e.tone}` }),
    }));
    let gantt: Gantt | undefined = undefined;
    gantt = new Gantt(element, tasks, {
      view_mode: 'Month',
      infinite_padding: false,
      readonly_progress: true,
      today_button: false,
      popup_on: 'click',
      bar_height: 22,
      padding: 14,
      on_date_change: (task, start) => {
        const entry = movable.get(task.id);
        if (entry?.movable) moveRef.current(task.id, localDay(start));
        else gantt?.refresh(tasks);
      },
    });
    return () => element.replaceChildren();
  }, [entries]);

  return (
    <div ref={container} className={styles.timeline} aria-hidden="true" data-testid="schedule-timeline" />
  );
}
