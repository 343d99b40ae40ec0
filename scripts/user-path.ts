import path from "node:path";

/** `npm run` starts scripts in the package folder; the user's relative paths are from where they typed the command. */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}
