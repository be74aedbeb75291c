// frappe-gantt ships no types; this declares the part of its API the timeline uses.
declare module 'frappe-gantt' {
  export interface GanttTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress?: number;
    custom_class?: string;
    description?: string;
  }
  export interface GanttOptions {
    view_mode?: 'Day' | 'Week' | 'Month' | 'Year';
    readonly?: boolean;
    infinite_padding?: boolean;
    readonly_progress?: boolean;
    today_button?: boolean;
    view_mode_select?: boolean;
    scroll_to?: string;
    bar_height?: number;
    padding?: number;
    container_height?: number | 'auto';
    popup_on?: 'click' | 'hover';
    on_date_change?: (task: GanttTask, start: Date, end: Date) => void;
    on_click?: (task: GanttTask) => void;
  }
  export default class Gantt {
    constructor(wrapper: HTMLElement, tasks: GanttTask[], options?: GanttOptions);
    refresh(tasks: GanttTask[]): void;
    change_view_mode(mode: string): void;
  }
}

declare module 'frappe-gantt-stylesheet';
