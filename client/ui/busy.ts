import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { describeError } from './errors.js';

/**
 * The one busy/error helper for a component's actions, on @lit/task:
 * `busy` while an action runs, `error` as a plain sentence when it failed.
 * A second action while one runs is refused, so a double tap saves once.
 */
export class BusyController {
  private action: (() => Promise<unknown>) | null = null;
  private readonly task: Task<[], unknown>;
  /** The sentence to show; set by a failed action, cleared by the next one. */
  error = '';

  constructor(private readonly host: ReactiveControllerHost) {
    this.task = new Task(host, {
      task: async () => (this.action === null ? undefined : this.action()),
      autoRun: false,
    });
  }

  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Runs `action`; returns true when it finished without an error. */
  async run(action: () => Promise<unknown>, onError?: (error: unknown) => void): Promise<boolean> {
    if (this.busy) return false;
    this.error = '';
    this.action = action;
    await this.task.run();
    this.action = null;
    if (this.task.status === TaskStatus.ERROR) {
      this.error = describeError(this.task.error);
      onError?.(this.task.error);
      this.host.requestUpdate();
      return false;
    }
    return true;
  }

  /** Shows a sentence without running anything (a check before an action). */
  fail(sentence: string): void {
    this.error = sentence;
    this.host.requestUpdate();
  }

  clear(): void {
    this.error = '';
    this.host.requestUpdate();
  }
}
