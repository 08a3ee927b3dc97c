import type { Messages } from './zh-CN';

/** The label of an audit action or an application history step; unknown actions show as they are. */
export function actionLabel(t: Messages, action: string): string {
  return t.action[action] ?? action;
}

/** Reads an enum label from a catalogue section, falling back to the raw value for values added later. */
export function enumLabel<K extends string>(section: Partial<Record<K, string>>, value: string): string {
  return (section as Record<string, string | undefined>)[value] ?? value;
}
