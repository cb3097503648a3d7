// A console message raised while a command runs.

export interface ConsoleMessage {
  time: string;
  id: string;
  text: string;
}
