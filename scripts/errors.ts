/**
 * A build failure that names the file and line at fault, printed as "seeds/x.txt:42: message".
 * line 0 means "the file as a whole" (missing, unreadable).
 */
export class BuildError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'BuildError';
  }
}
