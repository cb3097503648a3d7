// Channel name → method name, the one rule the desktop preload and the renderer's client share:
// dots turned to camelCase (`console.execute` → `consoleExecute`).

export type MethodName<C extends string> = C extends `${infer Head}.${infer Tail}` ? `${Head}${Capitalize<MethodName<Tail>>}` : C;

export function methodName(channel: string): string {
  return channel.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());
}
