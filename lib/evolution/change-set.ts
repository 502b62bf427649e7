/** Collects the changes one diff finds and hands them back in a stable order. */
import { CHANGE_SEVERITIES, ChangeCode, ContractChange, ChangeSeverity } from './model';

export class ChangeSet {
  private readonly found: ContractChange[] = [];

  add(severity: ChangeSeverity, code: ChangeCode, path: string, message: string): void {
    this.found.push({ severity, code, path, message });
  }

  breaking(code: ChangeCode, path: string, message: string): void {
    this.add('breaking', code, path, message);
  }

  warning(code: ChangeCode, path: string, message: string): void {
    this.add('warning', code, path, message);
  }

  info(code: ChangeCode, path: string, message: string): void {
    this.add('info', code, path, message);
  }

  get size(): number {
    return this.found.length;
  }

  /** Breaking first, then warnings, then info; within a severity by path, code and message. */
  sorted(): ContractChange[] {
    return [...this.found].sort(
      (a, b) =>
        CHANGE_SEVERITIES.indexOf(a.severity) - CHANGE_SEVERITIES.indexOf(b.severity) ||
        compareText(a.path, b.path) ||
        compareText(a.code, b.code) ||
        compareText(a.message, b.message),
    );
  }
}

/** Code-unit order, not locale order: the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
