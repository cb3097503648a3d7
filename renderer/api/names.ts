// Channel name → method name, the one rule the preload and the client share:
// dots turned to camelCase (`console.execute` → `consoleExecute`).

export type MethodName<C extends string> = C extends `${infer Head}.${infer Tail}` ? `${Head}${Capitalize<MethodName<Tail>>}` : C;

export function methodName<C extends string>(channel: C): MethodName<C> {
  return channel.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()) as MethodName<C>;
}
