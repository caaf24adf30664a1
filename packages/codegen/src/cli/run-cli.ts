export async function runCli(_argv: string[], _io: unknown): Promise<number> {
  return 0;
}
